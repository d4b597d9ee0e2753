package se.benefitledger.api.payout;

import com.prowidesoftware.swift.model.mx.MxPain00100103;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransactionInformation10;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader32;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstructionInformation3;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import se.benefitledger.api.payout.Pain001Writer.Debtor;
import se.benefitledger.api.payout.Pain001Writer.Header;
import se.benefitledger.api.payout.Pain001Writer.Transaction;
import se.benefitledger.api.pii.PayeeName;
import se.benefitledger.api.support.RandomAccounts;
import se.benefitledger.core.payment.PayeeAccount;
import se.benefitledger.core.shared.Money;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.benefitledger.api.payout.Pain001Writer.NAMESPACE;

class Pain001WriterTest {

    private static final Debtor WITH_BIC = new Debtor("Exempelby kommun", PayeeAccount.parse("5839-825 746 6"), "ESSESESS");
    private static final Debtor WITHOUT_BIC = new Debtor("Exempelby kommun", PayeeAccount.parse("SE45 5000 0000 0583 9825 7466"), null);
    private static final String LONG_NAME = "Åsa Öberg & <Söner> " + "x".repeat(140);
    private static final String LONG_REMITTANCE = "y".repeat(139) + "😀😀";
    private static final List<Transaction> PAYMENTS = List.of(
            new Transaction("E2E-1", Money.parse("8450.00"), "Anna Andersson", PayeeAccount.parse("8327-9 123456782"),
                            "Försörjningsstöd november 2026"),
            new Transaction("E2E-2", Money.ofOre(1), LONG_NAME, PayeeAccount.parse("SE35 5000 0000 0549 1000 0003"), LONG_REMITTANCE),
            new Transaction("E".repeat(35), Money.parse("1234567.89"), "Bo Ek", PayeeAccount.parse("BG 5050-1055"), null));
    private static final Money PAYMENTS_SUM = Money.parse("1243017.90");

    private static Schema schema;

    @BeforeAll
    static void pain001Schema() throws Exception {
        schema = Pain001Schema.get();
    }

    static Stream<Debtor> debtors() {
        return Stream.of(WITH_BIC, WITHOUT_BIC);
    }

    @ParameterizedTest
    @MethodSource("debtors")
    void writesADocumentValidAgainstTheSchemaAndItsLostFacets(Debtor debtor) throws Exception {
        Document document = parse(write(header(debtor, PAYMENTS.size(), PAYMENTS_SUM), PAYMENTS));

        Set<String> checked = assertValid(document);

        assertThat(checked).contains("MsgId", "PmtInfId", "EndToEndId", "NbOfTxs", "Nm", "Ustrd", "CtrlSum",
                                     "InstdAmt", "IBAN");
    }

    /** Valid against the schema and the facets it lost; answers the names of the elements seen. */
    static Set<String> assertValid(Document document) throws Exception {
        Pain001Schema.get().newValidator().validate(new DOMSource(document));
        Set<String> checked = new HashSet<>();
        for (Element element : elements(document)) {
            assertThat(element.getNamespaceURI()).as(element.getLocalName()).isEqualTo(NAMESPACE);
            String text = element.getTextContent();
            switch (element.getLocalName()) {
                case "MsgId", "PmtInfId", "EndToEndId" -> assertThat(text).hasSizeBetween(1, 35);
                case "NbOfTxs" -> assertThat(text).matches("[0-9]{1,15}");
                case "Nm", "Ustrd" -> assertThat(text.codePointCount(0, text.length())).isBetween(1, 140);
                case "CtrlSum" -> assertAmount(text);
                case "InstdAmt" -> {
                    assertAmount(text);
                    assertThat(element.getAttribute("Ccy")).matches("[A-Z]{3}");
                }
                case "IBAN" -> assertThat(text).matches("[A-Z]{2}[0-9]{2}[a-zA-Z0-9]{1,30}");
                case "BIC" -> assertThat(text).matches("[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?");
                case "Id", "Prtry" -> assertThat(text).hasSizeBetween(1, 35);
                case "Cd" -> assertThat(text).hasSizeBetween(1, 4);
                default -> { }
            }
            checked.add(element.getLocalName());
        }
        return checked;
    }

    /**
     * Whatever passes the payee rules makes a valid file: random names of every allowed character class (letters of
     * several scripts, combining marks, digits, space, {@code . , - / ' & ( ) +}) and accounts of every kind.
     */
    @Test
    void writesAValidFileForEveryValidPayee() throws Exception {
        long seed = System.nanoTime();
        var random = new Random(seed);
        var accounts = new RandomAccounts(random);
        for (int file = 0; file < 100; file++) {
            List<Transaction> transactions = new ArrayList<>();
            List<RandomAccounts.Generated> given = new ArrayList<>();
            for (int i = 0, count = 1 + random.nextInt(30); i < count; i++) {
                var account = accounts.next();
                given.add(account);
                transactions.add(new Transaction("E2E-" + i, Money.ofOre(1 + random.nextInt(1_000_000)), randomName(random),
                                                 PayeeAccount.parse(account.given()), null));
            }
            Money sum = transactions.stream().map(Transaction::amount).reduce(Money.ZERO, Money::plus);
            byte[] xml = write(header(random.nextBoolean() ? WITH_BIC : WITHOUT_BIC, transactions.size(), sum), transactions);

            Document document = parse(xml);
            assertValid(document);
            var transfers = MxPain00100103.parse(new String(xml, StandardCharsets.UTF_8)).getCstmrCdtTrfInitn().getPmtInf().get(0).getCdtTrfTxInf();
            for (int i = 0; i < transfers.size(); i++) {
                var transfer = transfers.get(i);
                var account = given.get(i);
                assertThat(transfer.getCdtr().getNm()).as("seed %d", seed).isEqualTo(transactions.get(i).creditorName());
                var id = transfer.getCdtrAcct().getId();
                switch (account.kind()) {
                    case IBAN -> assertThat(id.getIBAN()).as("seed %d", seed).isEqualTo(account.electronic());
                    case BANK_ACCOUNT -> assertOther(id.getOthr(), account.electronic(), "BBAN", null, seed);
                    case BANKGIRO -> assertOther(id.getOthr(), account.electronic(), null, "BGNR", seed);
                    case PLUSGIRO -> assertOther(id.getOthr(), account.electronic(), null, "PGNR", seed);
                }
            }
        }
    }

    private static void assertOther(GenericAccountIdentification1 other, String id, String code, String proprietary, long seed) {
        assertThat(other.getId()).as("seed %d", seed).isEqualTo(id);
        assertThat(other.getSchmeNm().getCd()).as("seed %d", seed).isEqualTo(code);
        assertThat(other.getSchmeNm().getPrtry()).as("seed %d", seed).isEqualTo(proprietary);
    }

    /** Pieces of every character class a payee name may have; a name starts with a letter, so it is never blank. */
    private static final String[] LETTERS = {"A", "z", "å", "ä", "ö", "Å", "Ä", "Ö", "é", "ü", "É", "Ü", "ß", "ø", "ł", "ñ",
            "α", "Ω", "ж", "Ж", "山", "田", "م", "ح", "ש", "𝐀", "e\u0301", "o\u0308"};
    private static final String[] OTHERS = {"0", "7", " ", ".", ",", "-", "/", "'", "&", "(", ")", "+"};

    static String randomName(Random random) {
        var name = new StringBuilder(LETTERS[random.nextInt(LETTERS.length)]);
        int length = 1 + random.nextInt(PayeeName.MAX_LENGTH);
        while (true) {
            String next = random.nextInt(3) == 0 ? OTHERS[random.nextInt(OTHERS.length)] : LETTERS[random.nextInt(LETTERS.length)];
            if (name.codePointCount(0, name.length()) + next.codePointCount(0, next.length()) > length) {
                break;
            }
            name.append(next);
        }
        String result = name.toString();
        assertThat(PayeeName.Validator.isValidName(result)).as(result).isTrue();
        return result;
    }

    static Stream<Arguments> brokenDocuments() {
        return Stream.of(
                Arguments.of("DbtrAgt missing", (Consumer<Document>) document -> remove(first(document, "DbtrAgt"))),
                Arguments.of("ReqdExctnDt after Dbtr", (Consumer<Document>) document ->
                        insertAfter(first(document, "Dbtr"), first(document, "ReqdExctnDt"))),
                Arguments.of("GrpHdr after PmtInf", (Consumer<Document>) document ->
                        insertAfter(first(document, "PmtInf"), first(document, "GrpHdr"))),
                Arguments.of("EndToEndId outside the pain.001 namespace", (Consumer<Document>) document -> {
                    Element endToEndId = first(document, "EndToEndId");
                    Element unqualified = document.createElementNS(null, "EndToEndId");
                    unqualified.setTextContent(endToEndId.getTextContent());
                    endToEndId.getParentNode().replaceChild(unqualified, endToEndId);
                }),
                Arguments.of("amount not a number", (Consumer<Document>) document ->
                        first(document, "InstdAmt").setTextContent("8450,00")));
    }

    /** The generated schema is only worth something if it rejects what the ISO schema rejects. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void schemaRejectsAMissingMisplacedOrMistypedElement(String breakage, Consumer<Document> breakIt) throws Exception {
        Document document = parse(write(header(WITH_BIC, PAYMENTS.size(), PAYMENTS_SUM), PAYMENTS));
        breakIt.accept(document);

        assertThatThrownBy(() -> schema.newValidator().validate(new DOMSource(document)))
                .isInstanceOf(SAXException.class);
    }

    @Test
    void countsAndSumsTheTransactionsInBothHeaders() throws Exception {
        String xml = new String(write(header(WITHOUT_BIC, PAYMENTS.size(), PAYMENTS_SUM), PAYMENTS), StandardCharsets.UTF_8);

        var initiation = MxPain00100103.parse(xml).getCstmrCdtTrfInitn();
        GroupHeader32 groupHeader = initiation.getGrpHdr();
        assertThat(groupHeader.getNbOfTxs()).isEqualTo("3");
        assertThat(groupHeader.getCtrlSum()).isEqualByComparingTo("1243017.90");
        assertThat(groupHeader.getInitgPty().getNm()).isEqualTo("Exempelby kommun");
        assertThat(initiation.getPmtInf()).hasSize(1);
        PaymentInstructionInformation3 paymentInformation = initiation.getPmtInf().get(0);
        assertThat(paymentInformation.getNbOfTxs()).isEqualTo("3");
        assertThat(paymentInformation.getCtrlSum()).isEqualByComparingTo("1243017.90");
        assertThat(paymentInformation.getCdtTrfTxInf()).hasSize(3);
        assertThat(paymentInformation.getCdtTrfTxInf().stream().map(t -> t.getAmt().getInstdAmt().getValue())
                                     .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1243017.90");
    }

    @Test
    void mapsAccountsAgentsAndTexts() throws Exception {
        String xml = new String(write(header(WITHOUT_BIC, PAYMENTS.size(), PAYMENTS_SUM), PAYMENTS), StandardCharsets.UTF_8);

        PaymentInstructionInformation3 paymentInformation = MxPain00100103.parse(xml).getCstmrCdtTrfInitn().getPmtInf().get(0);
        assertThat(paymentInformation.getPmtMtd().name()).isEqualTo("TRF");
        assertThat(paymentInformation.getReqdExctnDt()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(paymentInformation.getDbtrAcct().getId().getIBAN()).isEqualTo("SE4550000000058398257466");
        assertThat(paymentInformation.getDbtrAgt().getFinInstnId().getOthr().getId()).isEqualTo("NOTPROVIDED");
        List<CreditTransferTransactionInformation10> transfers = paymentInformation.getCdtTrfTxInf();
        var bban = transfers.get(0).getCdtrAcct().getId().getOthr();
        assertThat(bban.getId()).isEqualTo("83279123456782");
        assertThat(bban.getSchmeNm().getCd()).isEqualTo("BBAN");
        var bankgiro = transfers.get(2).getCdtrAcct().getId().getOthr();
        assertThat(bankgiro.getId()).isEqualTo("50501055");
        assertThat(bankgiro.getSchmeNm().getPrtry()).isEqualTo("BGNR");
        assertThat(transfers.get(0).getAmt().getInstdAmt().getCcy()).isEqualTo("SEK");
        assertThat(transfers.get(0).getRmtInf().getUstrd()).containsExactly("Försörjningsstöd november 2026");
        assertThat(transfers.get(1).getCdtrAcct().getId().getIBAN()).isEqualTo("SE3550000000054910000003");
        assertThat(transfers.get(1).getCdtr().getNm()).isEqualTo(LONG_NAME.substring(0, 140));
        assertThat(transfers.get(1).getRmtInf().getUstrd()).containsExactly("y".repeat(139) + "😀");
        assertThat(transfers.get(2).getRmtInf()).isNull();

        String withBic = new String(write(header(WITH_BIC, PAYMENTS.size(), PAYMENTS_SUM), PAYMENTS), StandardCharsets.UTF_8);
        var debtorSide = MxPain00100103.parse(withBic).getCstmrCdtTrfInitn().getPmtInf().get(0);
        assertThat(debtorSide.getDbtrAgt().getFinInstnId().getBIC()).isEqualTo("ESSESESS");
        assertThat(debtorSide.getDbtrAcct().getId().getOthr().getId()).isEqualTo("58398257466");
    }

    @Test
    void streamsOneHundredThousandTransactions() throws Exception {
        int count = 100_000;
        long sumOre = LongStream.range(0, count).map(Pain001WriterTest::ore).sum();
        var out = new CountingOutputStream();
        var bytesAtHalfway = new AtomicLong();
        Iterator<Transaction> generated = IntStream.range(0, count).mapToObj(i -> {
            if (i == count / 2) {
                bytesAtHalfway.set(out.bytes);
            }
            return new Transaction("PAYOUT-2026-11-" + i, Money.ofOre(ore(i)), "Mottagare " + i,
                                   PAYMENTS.get(i % PAYMENTS.size()).creditorAccount(), "Försörjningsstöd november 2026, ärende " + i);
        }).iterator();

        long started = System.nanoTime();
        new Pain001Writer().write(header(WITH_BIC, count, Money.ofOre(sumOre)), generated, out);
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("pain.001 with %,d transactions: %,d bytes in %,d ms%n", count, out.bytes, millis);
        assertThat(out.bytes).isGreaterThan(count * 300L);
        // Half of the file has left the writer by the time it asks for the middle transaction.
        assertThat(bytesAtHalfway.get()).isGreaterThan(out.bytes * 2 / 5);
    }

    @Test
    void refusesFewerTransactionsThanTheHeaderSays() {
        assertThatThrownBy(() -> write(header(WITH_BIC, 4, PAYMENTS_SUM), PAYMENTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header says 4");
    }

    @Test
    void refusesMoreTransactionsThanTheHeaderSays() {
        assertThatThrownBy(() -> write(header(WITH_BIC, 2, PAYMENTS_SUM), PAYMENTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more transactions");
    }

    @Test
    void refusesASumDifferentFromTheControlSum() {
        assertThatThrownBy(() -> write(header(WITH_BIC, PAYMENTS.size(), PAYMENTS_SUM.plus(Money.ofOre(1))), PAYMENTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1243017.90 SEK")
                .hasMessageContaining("1243017.91");
    }

    @Test
    void refusesValuesPain001CannotCarry() {
        Money amount = Money.ofKronor(1);
        PayeeAccount account = PayeeAccount.parse("8327-9 123456782");
        assertThatThrownBy(() -> new Transaction("E".repeat(36), amount, "A", account, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Transaction("E2E", Money.ZERO, "A", account, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Debtor("Kommun", account, "essesess"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Debtor("Kommun", PayeeAccount.parse("BG 5050-1055"), null))
                .as("a bank pays from an account, not from a bankgiro number")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> header(WITH_BIC, 0, Money.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long ore(long i) {
        return 1 + i % 2_000_000;
    }

    private static Header header(Debtor debtor, long numberOfTransactions, Money controlSum) {
        return new Header("MSG-2026-11-23-0001", OffsetDateTime.of(2026, 11, 23, 14, 30, 5, 123_000_000, ZoneOffset.ofHours(1)),
                          "PMT-2026-11-23-0001", LocalDate.of(2026, 11, 25), debtor, numberOfTransactions, controlSum);
    }

    private static byte[] write(Header header, List<Transaction> transactions) throws Exception {
        var out = new ByteArrayOutputStream();
        new Pain001Writer().write(header, transactions.iterator(), out);
        return out.toByteArray();
    }

    private static Document parse(byte[] xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<Element> elements(Document document) {
        List<Element> elements = new ArrayList<>();
        var all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            elements.add((Element) all.item(i));
        }
        return elements;
    }

    private static void assertAmount(String text) {
        var amount = new BigDecimal(text);
        assertThat(amount.scale()).as(text).isLessThanOrEqualTo(2);
        assertThat(amount).as(text).isPositive();
    }

    private static Element first(Document document, String localName) {
        return (Element) document.getElementsByTagNameNS(NAMESPACE, localName).item(0);
    }

    private static void remove(Node node) {
        node.getParentNode().removeChild(node);
    }

    private static void insertAfter(Node anchor, Node moved) {
        anchor.getParentNode().insertBefore(moved, anchor.getNextSibling());
    }

    /** Throws the file away and keeps only its size. */
    private static final class CountingOutputStream extends OutputStream {

        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
