package se.benefitledger.api.payout;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Projections;
import se.benefitledger.api.support.Users;
import se.benefitledger.core.payment.ReturnPaymentsCommand;
import se.benefitledger.core.shared.BulkCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The bank's answers in: pain.002 status reports and camt.054 notifications from src/test/resources/bank-reports. */
@LedgerApiTest
class BankReportApiTest {

    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;
    Ledger ledger;
    String municipality;
    String decision;
    String paid;
    String rejected;
    String open;
    String batch;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(port);
        municipality = Municipalities.fresh();
        decision = ledger.decision(ledger.household(municipality), "2021-03", "12320.00");
        paid = ledger.payment(decision, "6100.00", "2021-02-25");
        rejected = ledger.payment(decision, "1000.00", "2021-02-25");
        open = ledger.payment(decision, "5220.00", "2021-02-25");
        batch = ledger.batch(municipality, "2021-02-25").json("$.batchId");
    }

    @Test
    void aStatusReportSettlesWhatItAnswersAndReportsWhatItCannotMatch() {
        String report = report("pain002-partial.xml", "STS-1");

        var answer = post(report);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.<String>json("$.messageId")).isEqualTo("STS-1");
        assertThat(answer.<Integer>json("$.applied")).isEqualTo(2);
        assertThat(answer.<Boolean>json("$.alreadyApplied")).isFalse();
        assertThat(answer.<List<String>>json("$.unmatched[*].endToEndId")).containsExactly("00000000000000000000000000000001");
        assertThat(answer.<List<Object>>json("$.conflicts")).isEmpty();
        var settled = payment(paid);
        assertThat(settled.<String>json("$.status")).isEqualTo("EXECUTED");
        assertThat(settled.<String>json("$.executedOn")).isEqualTo("2021-02-25");
        assertThat(payment(rejected).<String>json("$.status")).isEqualTo("REJECTED");
        assertThat(payment(open).<String>json("$.status")).as("not answered yet").isEqualTo("BATCHED");
        assertThat(Users.FRIDA.on(port).get("/api/v1/decisions/" + decision).<String>json("$.committedAmount"))
                .as("the rejection gives its amount back").isEqualTo("11320.00");
        assertThat(Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batch).<String>json("$.status")).isEqualTo("CREATED");
    }

    @Test
    void theSameMessageTwiceChangesNothing() {
        String report = report("pain002-partial.xml", "STS-2");
        post(report);
        int paymentVersion = payment(paid).json("$.version");
        var batchVersion = Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batch).header("ETag");

        var again = post(report);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.<Boolean>json("$.alreadyApplied")).isTrue();
        assertThat(again.<Integer>json("$.applied")).isEqualTo(2);
        assertThat(again.<List<String>>json("$.unmatched[*].endToEndId")).containsExactly("00000000000000000000000000000001");
        assertThat(payment(paid).<Integer>json("$.version")).isEqualTo(paymentVersion);
        assertThat(Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batch).header("ETag")).isEqualTo(batchVersion);
        assertThat(reportCommands()).as("the copy stores no bulk command").isOne();
    }

    /** Sent four times at once (a client retrying while the first is under way): the batch's row lets one apply it at a time. */
    @Test
    void theSameMessageFourTimesAtOnceIsAppliedOnce() throws Exception {
        String report = report("pain002-partial.xml", "STS-3");
        var threads = Executors.newFixedThreadPool(4);
        var start = new CountDownLatch(1);
        var answers = new ArrayList<Future<se.benefitledger.api.support.Http.Response>>();
        for (int i = 0; i < 4; i++) {
            answers.add(threads.submit(() -> {
                start.await();
                return post(report);
            }));
        }
        start.countDown();
        var responses = new ArrayList<se.benefitledger.api.support.Http.Response>();
        for (var answer : answers) {
            responses.add(answer.get(30, TimeUnit.SECONDS));
        }
        threads.shutdown();

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(200));
        assertThat(responses).extracting(response -> response.<Boolean>json("$.alreadyApplied")).containsOnlyOnce(false);
        assertThat(responses).allSatisfy(response -> assertThat(response.<Integer>json("$.applied")).isEqualTo(2));
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%PaymentExecutedEvent'""")
                       .param(paid).query(Long.class).single()).isOne();
        assertThat(reportCommands()).isOne();
    }

    /**
     * A finance officer types in the same payment's result while the bank's report of it arrives: whichever starts second
     * finds the first stored and finishes it before deciding, so the payment is settled once, the report is recorded, and
     * the settlement is either applied before the report or refused as already settled; neither fails halfway.
     */
    @Test
    void aReportAndASettlementOfTheSamePaymentAtOnceSettleItOnce() throws Exception {
        String report = report("pain002-partial.xml", "STS-9");
        String settlement = """
                {"settledOn": "2021-02-25", "results": [{"paymentId": "%s", "status": "EXECUTED"}]}""".formatted(paid);
        var threads = Executors.newFixedThreadPool(2);
        var start = new CountDownLatch(1);
        Future<se.benefitledger.api.support.Http.Response> reported = threads.submit(() -> {
            start.await();
            return post(report);
        });
        Future<se.benefitledger.api.support.Http.Response> settled = threads.submit(() -> {
            start.await();
            return Users.FRIDA.on(port).post("/api/v1/payout-batches/" + batch + "/settlement", settlement);
        });
        start.countDown();
        var reportAnswer = reported.get(30, TimeUnit.SECONDS);
        var settlementAnswer = settled.get(30, TimeUnit.SECONDS);
        threads.shutdown();

        assertThat(reportAnswer.status()).as(reportAnswer.toString()).isEqualTo(200);
        assertThat(settlementAnswer.status()).as(settlementAnswer.toString()).isIn(200, 422);
        assertThat(reportAnswer.<Integer>json("$.applied")).as("the payment counts for whichever came first")
                                                          .isEqualTo(settlementAnswer.status() == 200 ? 1 : 2);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%PaymentExecutedEvent'""")
                       .param(paid).query(Long.class).single()).isOne();
        assertThat(payment(rejected).<String>json("$.status")).isEqualTo("REJECTED");
        assertThat(jdbc.sql("SELECT count(*) FROM bulk_command WHERE target_id = ? AND status <> 'COMPLETED'").param(UUID.fromString(batch))
                       .query(Long.class).single()).as("no command failed or left running").isZero();
    }

    @Test
    void aNotificationBooksDebitsAndReturnsCreditsAndListsWhatDisagrees() {
        post(report("pain002-partial.xml", "STS-3"));

        var answer = post(report("camt054-booked-and-returned.xml", "NTF-3"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.<Integer>json("$.applied")).isEqualTo(2);
        assertThat(answer.<List<String>>json("$.unmatched[*].endToEndId")).containsExactly("ffffffffffffffffffffffffffffffff");
        assertThat(answer.<List<String>>json("$.conflicts[*].paymentId")).containsExactly(rejected);
        assertThat(answer.<List<String>>json("$.conflicts[*].ledgerState")).containsExactly("REJECTED");
        var booked = payment(open);
        assertThat(booked.<String>json("$.status")).isEqualTo("EXECUTED");
        assertThat(booked.<String>json("$.executedOn")).as("the booking date").isEqualTo("2021-02-26");
        var returned = payment(paid);
        assertThat(returned.<String>json("$.status")).isEqualTo("RETURNED");
        assertThat(returned.<String>json("$.returnedOn")).isEqualTo("2021-03-02");
        assertThat(Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batch).<String>json("$.status")).isEqualTo("SETTLED");

        Projections.awaitCaughtUp(processing, jdbc);
        var reconciliation = Users.FRIDA.on(port).get("/api/v1/reports/reconciliation?municipality=" + municipality
                + "&from=2021-02-01&to=2021-02-28");
        assertThat(reconciliation.<List<String>>json("$.items[0].discrepancies[*].bank.problem"))
                .containsExactlyInAnyOrder("UNMATCHED", "UNMATCHED", "CONFLICT");
        assertThat(reconciliation.<List<String>>json("$.items[0].discrepancies[*].bank.messageId"))
                .containsExactlyInAnyOrder("STS-3", "NTF-3", "NTF-3");
    }

    @Test
    void aRejectedFileRejectsEveryPaymentStillWaiting() {
        var answer = post(report("pain002-rejected-file.xml", "STS-4"));

        assertThat(answer.<Integer>json("$.applied")).isEqualTo(3);
        for (String payment : List.of(paid, rejected, open)) {
            assertThat(payment(payment).<String>json("$.status")).isEqualTo("REJECTED");
        }
        assertThat(Users.FRIDA.on(port).get("/api/v1/decisions/" + decision).<String>json("$.committedAmount")).isEqualTo("0.00");
    }

    /** A bank rejects a whole file of a batch larger than one settlement command may take (400 payments): every one rejected. */
    @Test
    void aRejectedFileRejectsEveryPaymentOfABatchOfMoreThanOnePart() {
        String large = Municipalities.fresh();
        String decision = ledger.decision(ledger.household(large), "2021-03", "500.00");
        int payments = BulkCommand.MAX_AGGREGATES + 1;
        for (int i = 0; i < payments; i++) {
            ledger.payment(decision, "1.00", "2021-02-25");
        }
        batch = ledger.batch(large, "2021-02-25").json("$.batchId");

        var answer = post(report("pain002-rejected-file.xml", "STS-8"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.<Integer>json("$.applied")).isEqualTo(payments);
        assertThat(Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batch).<Integer>json("$.rejectedCount")).isEqualTo(payments);
        assertThat(Users.FRIDA.on(port).get("/api/v1/decisions/" + decision).<String>json("$.committedAmount")).isEqualTo("0.00");
    }

    /**
     * A notification returning more payments than one bulk command may return (200, each with its decision): every one
     * returned, in parts, and every reservation given back.
     */
    @Test
    void aNotificationReturningMoreThanOnePartOfPaymentsReturnsEveryOne() {
        String large = Municipalities.fresh();
        String decision = ledger.decision(ledger.household(large), "2021-03", "500.00");
        var payments = new ArrayList<String>();
        for (int i = 0; i <= ReturnPaymentsCommand.MAX_RETURNS; i++) {
            payments.add(ledger.payment(decision, "1.00", "2021-02-25"));
        }
        batch = ledger.batch(large, "2021-02-25").json("$.batchId");
        var accepted = post("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
                  <GrpHdr><MsgId>STS-10</MsgId><CreDtTm>2021-02-25T18:00:00+01:00</CreDtTm></GrpHdr>
                  <OrgnlGrpInfAndSts><OrgnlMsgId>%s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId><GrpSts>ACSC</GrpSts></OrgnlGrpInfAndSts>
                </CstmrPmtStsRpt></Document>""".formatted(compact(batch)));
        assertThat(accepted.<Integer>json("$.applied")).as(accepted.toString()).isEqualTo(payments.size());
        var credits = new StringBuilder();
        for (String payment : payments) {
            credits.append("""
                    <Ntry><Amt Ccy="SEK">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2021-03-02</Dt></BookgDt>
                      <BkTxCd><Prtry><Cd>RTRN</Cd></Prtry></BkTxCd>
                      <NtryDtls><TxDtls><Refs><EndToEndId>%s</EndToEndId></Refs><RtrInf><Rsn><Cd>AC06</Cd></Rsn></RtrInf></TxDtls></NtryDtls></Ntry>
                    """.formatted(compact(payment)));
        }

        var returned = post("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn>
                  <GrpHdr><MsgId>NTF-10</MsgId><CreDtTm>2021-03-02T18:00:00+01:00</CreDtTm></GrpHdr>
                  <Ntfctn><Id>N1</Id><CreDtTm>2021-03-02T18:00:00+01:00</CreDtTm><Acct><Id><IBAN>SE4550000000058398257466</IBAN></Id></Acct>
                %s</Ntfctn>
                </BkToCstmrDbtCdtNtfctn></Document>""".formatted(credits));

        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
        assertThat(returned.<Integer>json("$.applied")).isEqualTo(payments.size());
        assertThat(jdbc.sql("SELECT count(*) FROM payment WHERE batch_id = ? AND status = 'RETURNED'").param(UUID.fromString(batch))
                       .query(Long.class).single()).isEqualTo(payments.size());
        assertThat(Users.FRIDA.on(port).get("/api/v1/decisions/" + decision).<String>json("$.committedAmount")).isEqualTo("0.00");
        assertThat(jdbc.sql("SELECT parts FROM bulk_command WHERE target_id = ? ORDER BY started_at DESC LIMIT 1").param(UUID.fromString(batch))
                       .query(Integer.class).single()).as("200 returns, 1 return, the record").isEqualTo(3);
    }

    @Test
    void aReportOfAnotherFileIsRefused() {
        String other = report("pain002-partial.xml", "STS-5").replace(PayoutFileService.compact(UUID.fromString(batch)),
                "0123456789abcdef0123456789abcdef");
        assertThat(post(other).status()).isEqualTo(422);

        String unrelated = report("camt054-booked-and-returned.xml", "NTF-5")
                .replace(compact(paid), "1".repeat(32)).replace(compact(rejected), "2".repeat(32)).replace(compact(open), "3".repeat(32));
        assertThat(post(unrelated).status()).as("none of its transactions is a payment of the batch").isEqualTo(422);
        assertThat(payment(paid).<String>json("$.status")).isEqualTo("BATCHED");
        assertThat(reportCommands()).as("nothing stored").isZero();
    }

    @Test
    void onlyFinanceOfTheBatchsMunicipalityPostsBankReports() {
        String report = report("pain002-partial.xml", "STS-6");
        assertThat(Users.NILS.on(port).postXml("/api/v1/payout-batches/" + batch + "/bank-reports", report).status()).isEqualTo(403);
        assertThat(Users.ALVA.on(port).postXml("/api/v1/payout-batches/" + batch + "/bank-reports", report).status()).isEqualTo(403);
        assertThat(Users.FREDRIK.on(port).postXml("/api/v1/payout-batches/" + batch + "/bank-reports", report).status())
                .as("another municipality's batch").isEqualTo(404);
        assertThat(Users.FRIDA.on(port).postXml("/api/v1/payout-batches/" + UUID.randomUUID() + "/bank-reports", report).status())
                .isEqualTo(404);
        assertThat(payment(paid).<String>json("$.status")).isEqualTo("BATCHED");
    }

    @Test
    void refusesDocumentTypesEntitiesAndOtherMessages() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt><GrpHdr><MsgId>&secret;</MsgId>
                </GrpHdr></CstmrPmtStsRpt></Document>""";
        var refused = post(xxe);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("root:");
        assertThat(post("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"/>").status()).isEqualTo(400);
        assertThat(post("not xml at all").status()).isEqualTo(400);
    }

    private String report(String file, String messageId) {
        try (var in = getClass().getResourceAsStream("/bank-reports/" + file)) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (var placeholder : Map.of("{{MSG}}", messageId, "{{FILE}}", compact(batch), "{{PAID}}", compact(paid),
                    "{{REJECTED}}", compact(rejected), "{{OPEN}}", compact(open)).entrySet()) {
                xml = xml.replace(placeholder.getKey(), placeholder.getValue());
            }
            return xml;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String compact(String id) {
        return id.replace("-", "");
    }

    private se.benefitledger.api.support.Http.Response post(String xml) {
        return Users.FRIDA.on(port).postXml("/api/v1/payout-batches/" + batch + "/bank-reports", xml);
    }

    /** The bulk commands stored for the batch's bank reports. */
    private long reportCommands() {
        return jdbc.sql("SELECT count(*) FROM bulk_command WHERE kind = 'APPLY_BANK_REPORT' AND target_id = ?").param(UUID.fromString(batch))
                   .query(Long.class).single();
    }

    private se.benefitledger.api.support.Http.Response payment(String paymentId) {
        return Users.FRIDA.on(port).get("/api/v1/payments/" + paymentId);
    }
}
