package se.benefitledger.api.payout;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import se.benefitledger.api.pii.LegacyPayees;
import se.benefitledger.api.pii.Payee;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Users;
import se.benefitledger.core.decision.DecisionLine;
import se.benefitledger.core.decision.DecisionOutcome;
import se.benefitledger.core.decision.LineType;
import se.benefitledger.core.decision.MakeDecisionCommand;
import se.benefitledger.core.decision.SchedulePaymentCommand;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.household.RegisterHouseholdCommand;
import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@LedgerApiTest
class PayoutBatchFileTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    PiiVault vault;
    Ledger ledger;
    String municipality;
    String decision;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(port);
        municipality = Municipalities.fresh();
        decision = ledger.decision(ledger.household(municipality), "2021-03", "20000.00");
    }

    @Test
    void theFileHoldsEveryPaymentOfTheBatchWithItsCountAndControlTotal() throws Exception {
        String rent = payment(decision, "6100.00", "Hyresvärden AB", "SE3550000000054910000003");
        String norm = ledger.payment(decision, "5220.45", "2021-02-25");
        var batch = ledger.batch(municipality, "2021-02-25");
        String batchId = batch.json("$.batchId");

        var file = Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batchId + "/file");

        assertThat(file.status()).isEqualTo(200);
        assertThat(MediaType.parseMediaType(file.header("Content-Type").orElseThrow()).equalsTypeAndSubtype(MediaType.APPLICATION_XML)).isTrue();
        var xml = new Pain001(file.body());
        assertThat(xml.number("/p:Document/p:CstmrCdtTrfInitn/p:GrpHdr/p:NbOfTxs")).isEqualTo(batch.<Integer>json("$.paymentCount")).isEqualTo(2);
        assertThat(xml.number("/p:Document/p:CstmrCdtTrfInitn/p:PmtInf/p:NbOfTxs")).isEqualTo(2);
        assertThat(xml.text("/p:Document/p:CstmrCdtTrfInitn/p:GrpHdr/p:CtrlSum")).isEqualTo(batch.<String>json("$.controlTotal")).isEqualTo("11320.45");
        assertThat(xml.text("/p:Document/p:CstmrCdtTrfInitn/p:PmtInf/p:CtrlSum")).isEqualTo("11320.45");
        assertThat(xml.text("//p:GrpHdr/p:MsgId")).isEqualTo(batchId.replace("-", ""));
        assertThat(xml.text("//p:PmtInf/p:PmtInfId")).isEqualTo(batchId.replace("-", ""));
        assertThat(xml.text("//p:PmtInf/p:ReqdExctnDt")).isEqualTo("2021-02-25");
        assertThat(xml.text("//p:PmtInf/p:Dbtr/p:Nm")).isEqualTo(MunicipalityCode.of(municipality).name() + " kommun");
        assertThat(xml.text("//p:PmtInf/p:DbtrAcct/p:Id/p:Othr/p:Id")).as("the test config's default account").isEqualTo("58398257466");
        assertThat(xml.text("//p:PmtInf/p:DbtrAgt/p:FinInstnId/p:BIC")).isEqualTo("ESSESESS");

        assertThat(xml.transfers()).containsOnlyKeys(rent.replace("-", ""), norm.replace("-", ""));
        Node toLandlord = xml.transfers().get(rent.replace("-", ""));
        assertThat(xml.text("p:Amt/p:InstdAmt", toLandlord)).isEqualTo("6100.00");
        assertThat(xml.text("p:Amt/p:InstdAmt/@Ccy", toLandlord)).isEqualTo("SEK");
        assertThat(xml.text("p:Cdtr/p:Nm", toLandlord)).isEqualTo("Hyresvärden AB");
        assertThat(xml.text("p:CdtrAcct/p:Id/p:IBAN", toLandlord)).isEqualTo("SE3550000000054910000003");
        Node toHousehold = xml.transfers().get(norm.replace("-", ""));
        assertThat(xml.text("p:Amt/p:InstdAmt", toHousehold)).isEqualTo("5220.45");
        assertThat(xml.text("p:Cdtr/p:Nm", toHousehold)).isEqualTo("Test Testsson");
        assertThat(xml.text("p:CdtrAcct/p:Id/p:Othr/p:Id", toHousehold)).isEqualTo("83279123456782");
        assertThat(xml.text("p:RmtInf/p:Ustrd", toHousehold)).isEqualTo("Ekonomiskt bistånd 2021-03");

        assertThat(Users.ALVA.on(port).get("/api/v1/payout-batches/" + batchId + "/file").status()).as("AUDITOR").isEqualTo(200);
    }

    /**
     * Payee identity was the name and the account's digits: a second IBAN differing from the first only in its bank's
     * letters became the first payee, and the file paid the second payment to the first account.
     */
    @Test
    void paysTwoIbansThatDifferOnlyInTheirBankLettersEachToItsOwnAccount() throws Exception {
        // the same check digits and the same digits: only the bank's letters differ
        String toWestminster = payment(decision, "100.00", "Samma Namn", "GB29NWBK60161331926819");
        String toOtherBank = payment(decision, "200.00", "Samma Namn", "GB29NWAN60161331926819");

        assertThat(Users.NILS.on(port).get("/api/v1/payments/" + toOtherBank).<String>json("$.payee.account"))
                .isEqualTo("GB29 NWAN 6016 1331 9268 19");
        assertThat(Users.NILS.on(port).get("/api/v1/payments/" + toWestminster).<String>json("$.payee.account"))
                .isEqualTo("GB29 NWBK 6016 1331 9268 19");
        String batchId = ledger.batch(municipality, "2021-02-25").json("$.batchId");
        var xml = new Pain001(Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batchId + "/file").body());
        assertThat(xml.text("p:CdtrAcct/p:Id/p:IBAN", xml.transfers().get(toWestminster.replace("-", "")))).isEqualTo("GB29NWBK60161331926819");
        assertThat(xml.text("p:CdtrAcct/p:Id/p:IBAN", xml.transfers().get(toOtherBank.replace("-", "")))).isEqualTo("GB29NWAN60161331926819");
    }

    @Test
    void writesBankgiroAndPlusgiroAsOtherIdentificationsWithTheirSchemes() throws Exception {
        String toBankgiro = payment(decision, "100.00", "Tandvården", "BG 5050-1055");
        String toPlusgiro = payment(decision, "200.00", "Elbolaget", "PG 12 34 56-6");
        String batchId = ledger.batch(municipality, "2021-02-25").json("$.batchId");

        var xml = new Pain001(Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batchId + "/file").body());

        Node bankgiro = xml.transfers().get(toBankgiro.replace("-", ""));
        assertThat(xml.text("p:CdtrAcct/p:Id/p:Othr/p:Id", bankgiro)).isEqualTo("50501055");
        assertThat(xml.text("p:CdtrAcct/p:Id/p:Othr/p:SchmeNm/p:Prtry", bankgiro)).isEqualTo("BGNR");
        Node plusgiro = xml.transfers().get(toPlusgiro.replace("-", ""));
        assertThat(xml.text("p:CdtrAcct/p:Id/p:Othr/p:Id", plusgiro)).isEqualTo("1234566");
        assertThat(xml.text("p:CdtrAcct/p:Id/p:Othr/p:SchmeNm/p:Prtry", plusgiro)).isEqualTo("PGNR");
    }

    /** The payments are read in pages of 1,000: the page boundary must neither lose nor repeat one. */
    @Test
    void theFileOfABatchOfMoreThanOnePageHasEveryPaymentOnce() throws Exception {
        int count = PayoutFileService.PAGE + 1;
        UUID household = UUID.randomUUID();
        commands.sendAndWait(new RegisterHouseholdCommand(household, MunicipalityCode.of(municipality),
                List.of(new HouseholdMember(UUID.randomUUID(), MemberRole.APPLICANT, LocalDate.of(1980, 1, 1)))));
        UUID payee = vault.payeeIdFor(new Payee("Many Payments", "8327-9 554"));
        // every command on a decision replays all its events, so a few dozen payments per decision keep this quick
        UUID decisionId = null;
        for (int i = 0; i < count; i++) {
            if (i % 50 == 0) {
                decisionId = UUID.randomUUID();
                commands.sendAndWait(new MakeDecisionCommand(household, decisionId, BenefitMonth.of(2021, 3), DecisionOutcome.GRANTED,
                        LegalBasis.SOL_2025_12_1, List.of(new DecisionLine(LineType.NORM, Money.ofKronor(50))), List.of(), LocalDate.of(2021, 2, 20)));
            }
            commands.sendAndWait(new SchedulePaymentCommand(decisionId, UUID.randomUUID(), Money.ofOre(i % 2 == 0 ? 150 : 50),
                    LocalDate.of(2021, 2, 25), PayeeType.HOUSEHOLD, payee, null));
        }
        var batch = ledger.batch(municipality, "2021-02-25");

        var xml = new Pain001(Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batch.json("$.batchId") + "/file").body());

        assertThat(xml.number("//p:GrpHdr/p:NbOfTxs")).isEqualTo(batch.<Integer>json("$.paymentCount")).isEqualTo(count);
        assertThat(xml.text("//p:GrpHdr/p:CtrlSum")).isEqualTo(batch.<String>json("$.controlTotal")).isEqualTo("1001.50");
        var transfers = xml.transfers();
        assertThat(transfers).hasSize(count);
        assertThat(transfers.values().stream().map(transfer -> new BigDecimal(xml.text("p:Amt/p:InstdAmt", transfer)))
                            .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1001.50");
    }

    @Test
    void answersNotFoundForAnUnknownBatchOrOneOutsideTheCallersMunicipalities() {
        ledger.payment(decision, "100.00", "2021-02-25");
        String batchId = ledger.batch(municipality, "2021-02-25").json("$.batchId");

        var unknown = Users.FRIDA.on(port).get("/api/v1/payout-batches/" + UUID.randomUUID() + "/file");
        var foreign = Users.FREDRIK.on(port).get("/api/v1/payout-batches/" + batchId + "/file");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).hasValue("application/problem+json");
        assertThat(foreign.status()).isEqualTo(404);
    }

    @Test
    void isRefusedWhenTheMunicipalityHasNoAccountToPayFrom() {
        String unconfigured = Municipalities.WITHOUT_DEBTOR_ACCOUNT;
        ledger.payment(ledger.decision(ledger.household(unconfigured), "2021-03", "100.00"), "100.00", "2021-02-25");
        String batchId = ledger.batch(unconfigured, "2021-02-25").json("$.batchId");

        var refused = Users.FRIDA.on(port).header("Accept", "application/xml").get("/api/v1/payout-batches/" + batchId + "/file");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.<String>json("$.detail")).contains("ledger.payout.debtors." + unconfigured + ".account");
    }

    /** A payment order cannot pay a payee without an account: while the payment is unsettled, the file is refused. */
    @Test
    void isRefusedWhileAPaymentToAnErasedPayeeIsUnsettled() {
        String erased = payment(decision, "100.00", "Raderad " + UUID.randomUUID(), "8327-9 987654324");
        ledger.payment(decision, "200.00", "2021-02-25");
        String batchId = ledger.batch(municipality, "2021-02-25").json("$.batchId");
        // crypto-shredding as the vault describes it: the data key goes, the subject's id stays
        jdbc.update("UPDATE pii_subject SET wrapped_key = NULL, blind_index = NULL, erased_at = now() "
                + "WHERE subject_id = (SELECT payee_id FROM payment WHERE payment_id = ?)", UUID.fromString(erased));

        var refused = Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batchId + "/file");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.<String>json("$.detail")).contains("payment " + erased).contains("erased");
    }

    /**
     * The file of an old batch is its record: after erasure it still holds every payment with its amount, the erased
     * payee shown as erased (no name, no account), and stays a valid pain.001 document.
     */
    @Test
    void theFileOfASettledBatchShowsAnErasedPayeeAsErasedWithEveryAmount() throws Exception {
        String payeeName = "Raderad " + UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        String erased = payment(decision, "100.00", payeeName, "8327-9 987654324");
        String kept = ledger.payment(decision, "200.00", "2021-02-25");
        var batch = ledger.batch(municipality, "2021-02-25");
        String batchId = batch.json("$.batchId");
        ledger.settle(batchId, "2021-02-25", erased, "EXECUTED", kept, "EXECUTED");
        jdbc.update("UPDATE pii_subject SET wrapped_key = NULL, ciphertext = NULL, blind_index = NULL, erased_at = now() "
                + "WHERE subject_id = (SELECT payee_id FROM payment WHERE payment_id = ?)", UUID.fromString(erased));

        var file = Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batchId + "/file");

        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.body()).doesNotContain(payeeName).doesNotContain("9876543");
        var document = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                                             .parse(new ByteArrayInputStream(file.body().getBytes(StandardCharsets.UTF_8)));
        Pain001Schema.get().newValidator().validate(new DOMSource(document));
        var xml = new Pain001(file.body());
        assertThat(xml.number("//p:GrpHdr/p:NbOfTxs")).isEqualTo(2);
        assertThat(xml.text("//p:GrpHdr/p:CtrlSum")).isEqualTo(batch.<String>json("$.controlTotal")).isEqualTo("300.00");
        Node toErased = xml.transfers().get(erased.replace("-", ""));
        assertThat(xml.text("p:Amt/p:InstdAmt", toErased)).isEqualTo("100.00");
        assertThat(xml.text("p:Cdtr/p:Nm", toErased)).isEqualTo("[ERASED]");
        assertThat(xml.text("count(p:CdtrAcct)", toErased)).isEqualTo("0");
        Node toKept = xml.transfers().get(kept.replace("-", ""));
        assertThat(xml.text("p:Cdtr/p:Nm", toKept)).isEqualTo("Test Testsson");
        assertThat(xml.text("p:CdtrAcct/p:Id/p:Othr/p:Id", toKept)).isEqualTo("83279123456782");
    }

    /**
     * Payees stored before accounts were checked keep the account as it was typed, which the rules may refuse: the file
     * is refused before its first byte, naming the payment, instead of breaking off part-way through with a 500.
     */
    @Test
    void aPayeeWhoseStoredAccountTheRulesRefuseIsRefusedBeforeTheFirstByte(@Autowired ApplicationContext context) {
        UUID legacy = LegacyPayees.store(context, "Gammal Hyresvärd", "8327-9 123456789");
        UUID toLegacy = UUID.randomUUID();
        commands.sendAndWait(new SchedulePaymentCommand(UUID.fromString(decision), toLegacy, Money.ofKronor(100), LocalDate.of(2021, 2, 25),
                PayeeType.LANDLORD, legacy, null));
        ledger.payment(decision, "200.00", "2021-02-25");
        String batchId = ledger.batch(municipality, "2021-02-25").json("$.batchId");

        var refused = Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batchId + "/file");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.<String>json("$.detail")).contains("payment " + toLegacy).contains("not valid").doesNotContain("123456789");
    }

    @Test
    void isForbiddenToCaseworkers() {
        ledger.payment(decision, "100.00", "2021-02-25");
        String batchId = ledger.batch(municipality, "2021-02-25").json("$.batchId");

        assertThat(Users.NILS.on(port).get("/api/v1/payout-batches/" + batchId + "/file").status()).isEqualTo(403);
    }

    private String payment(String decisionId, String amount, String payeeName, String account) {
        var response = Users.NILS.on(port).post("/api/v1/decisions/" + decisionId + "/payments", """
                {"amount": "%s", "dueDate": "2021-02-25", "payee": {"type": "LANDLORD", "name": "%s", "account": "%s"}}"""
                .formatted(amount, payeeName, account));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json("$.paymentId");
    }

    /** A pain.001 document read back with namespace-aware XPath, prefix {@code p}. */
    private static final class Pain001 {

        private final Document document;
        private final XPath xpath = XPathFactory.newInstance().newXPath();

        Pain001(String xml) throws Exception {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            xpath.setNamespaceContext(new NamespaceContext() {
                @Override
                public String getNamespaceURI(String prefix) {
                    return "p".equals(prefix) ? Pain001Writer.NAMESPACE : null;
                }

                @Override
                public String getPrefix(String namespaceURI) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Iterator<String> getPrefixes(String namespaceURI) {
                    throw new UnsupportedOperationException();
                }
            });
        }

        String text(String expression) {
            return text(expression, document);
        }

        String text(String expression, Node context) {
            try {
                return xpath.evaluate(expression, context);
            } catch (Exception e) {
                throw new IllegalArgumentException(expression, e);
            }
        }

        int number(String expression) {
            return Integer.parseInt(text(expression));
        }

        /** Every CdtTrfTxInf by its EndToEndId; a repeated id would fail here. */
        Map<String, Node> transfers() {
            try {
                var nodes = (NodeList) xpath.evaluate("//p:PmtInf/p:CdtTrfTxInf", document, XPathConstants.NODESET);
                var transfers = new HashMap<String, Node>();
                for (int i = 0; i < nodes.getLength(); i++) {
                    String endToEndId = text("p:PmtId/p:EndToEndId", nodes.item(i));
                    assertThat(transfers.put(endToEndId, nodes.item(i))).as("EndToEndId %s twice", endToEndId).isNull();
                }
                return transfers;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
