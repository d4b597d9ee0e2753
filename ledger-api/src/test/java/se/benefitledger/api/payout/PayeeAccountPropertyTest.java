package se.benefitledger.api.payout;

import com.prowidesoftware.swift.model.mx.MxPain00100103;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.pii.Payee;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.RandomAccounts;
import se.benefitledger.api.support.RandomAccounts.Generated;
import se.benefitledger.api.support.Users;
import se.benefitledger.core.payment.PayeeAccount;
import se.benefitledger.core.payment.PayeeAccount.Kind;
import se.benefitledger.core.shared.Money;
import se.benefitledger.projections.payment.PaymentQueries;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's acceptance property: for 10,000 random valid accounts of every kind (IBANs of nine countries, Swedish
 * accounts of eleven banks and all five check rules, bankgiro, plusgiro), each typed in one of its accepted spellings,
 * the account shown and written in the bank file is the one given in canonical form, and no two different accounts
 * ever share a payee, even under the same name.
 *
 * <p>Split to keep it quick: all 10,000 go through the vault in bulk (identity, stored form) and through the pain.001
 * writer in one file (what the bank gets); {@value #OVER_HTTP} of them also go the whole way over HTTP: scheduled,
 * shown by {@code GET /payments/{id}} and the batch's payment list, and written by {@code GET /payout-batches/{id}/file}.
 */
@LedgerApiTest
class PayeeAccountPropertyTest {

    private static final int ACCOUNTS = 10_000;
    private static final int OVER_HTTP = 240;
    private static final int PAYMENTS_PER_DECISION = 40;

    @LocalServerPort
    int port;
    @Autowired
    PiiVault vault;
    @Autowired
    PaymentQueries payments;

    @Test
    void everyValidAccountIsKeptAsGivenAndNeverSharesAPayee() throws Exception {
        long seed = System.nanoTime();
        var random = new Random(seed);
        List<Generated> accounts = distinctAccounts(new RandomAccounts(random));
        // the same name for all: only the account can tell the payees apart
        String name = "Samma Mottagare " + UUID.randomUUID();

        var given = accounts.stream().map(account -> new Payee(name, account.given())).toList();
        Map<Payee, UUID> ids = vault.payeeIdsFor(given);
        assertThat(new HashSet<>(ids.values())).as("seed %d: one payee per account", seed).hasSize(ACCOUNTS);
        var canonicalSpelling = accounts.stream().map(account -> new Payee(name.toUpperCase(java.util.Locale.ROOT), account.canonical())).toList();
        Map<Payee, UUID> again = vault.payeeIdsFor(canonicalSpelling);
        Map<UUID, Payee> stored = vault.payees(ids.values());
        for (int i = 0; i < ACCOUNTS; i++) {
            UUID id = ids.get(given.get(i));
            assertThat(again.get(canonicalSpelling.get(i))).as("seed %d: %s spelt otherwise", seed, accounts.get(i).kind()).isEqualTo(id);
            assertThat(stored.get(id).account()).as("seed %d", seed).isEqualTo(accounts.get(i).canonical());
        }

        assertWrittenAsGiven(accounts, seed);
        assertKeptAsGivenOverHttp(accounts.subList(0, OVER_HTTP), seed);
    }

    /** Distinct by canonical form (so distinct accounts), every kind well represented. */
    private static List<Generated> distinctAccounts(RandomAccounts random) {
        Map<String, Generated> byCanonical = new LinkedHashMap<>();
        while (byCanonical.size() < ACCOUNTS) {
            var account = random.next();
            byCanonical.putIfAbsent(account.canonical(), account);
        }
        List<Generated> accounts = new ArrayList<>(byCanonical.values());
        Map<Kind, Long> perKind = new HashMap<>();
        accounts.forEach(account -> perKind.merge(account.kind(), 1L, Long::sum));
        assertThat(perKind.values()).hasSize(Kind.values().length).allMatch(count -> count > ACCOUNTS / 10);
        return accounts;
    }

    /** All of them in one pain.001 file: valid against the schema, each account where and as the bank reads it. */
    private static void assertWrittenAsGiven(List<Generated> accounts, long seed) throws Exception {
        var transactions = IntStream.range(0, accounts.size())
                                    .mapToObj(i -> new Pain001Writer.Transaction("E2E-" + i, Money.ofOre(100), "Mottagare " + i,
                                                                                 PayeeAccount.parse(accounts.get(i).given()), null))
                                    .toList();
        var debtor = new Pain001Writer.Debtor("Exempelby kommun", PayeeAccount.parse("SE45 5000 0000 0583 9825 7466"), null);
        var header = new Pain001Writer.Header("MSG-1", OffsetDateTime.now(), "PMT-1", LocalDate.of(2021, 2, 25), debtor,
                accounts.size(), Money.ofOre(100L * accounts.size()));
        var out = new ByteArrayOutputStream();
        new Pain001Writer().write(header, transactions.iterator(), out);

        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Pain001WriterTest.assertValid(factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray())));
        var transfers = MxPain00100103.parse(out.toString(StandardCharsets.UTF_8)).getCstmrCdtTrfInitn().getPmtInf().get(0).getCdtTrfTxInf();
        for (int i = 0; i < accounts.size(); i++) {
            assertWritten(transfers.get(i).getCdtrAcct().getId(), accounts.get(i), seed);
        }
    }

    private void assertKeptAsGivenOverHttp(List<Generated> accounts, long seed) throws Exception {
        var ledger = new Ledger(port);
        String municipality = Municipalities.fresh();
        String household = ledger.household(municipality);
        String name = "Samma Mottagare " + UUID.randomUUID();
        Map<String, Generated> byPayment = new HashMap<>();
        String decision = null;
        for (int i = 0; i < accounts.size(); i++) {
            if (i % PAYMENTS_PER_DECISION == 0) {
                // a decision per month keeps each one's replay short
                decision = ledger.decision(household, "2021-%02d".formatted(1 + i / PAYMENTS_PER_DECISION), "1000.00");
            }
            var created = Users.NILS.on(port).post("/api/v1/decisions/" + decision + "/payments", """
                    {"amount": "1.00", "dueDate": "2021-02-25", "payee": {"type": "HOUSEHOLD", "name": "%s", "account": "%s"}}"""
                    .formatted(name, accounts.get(i).given()));
            assertThat(created.status()).as("seed %d: %s", seed, created).isEqualTo(201);
            byPayment.put(created.json("$.paymentId"), accounts.get(i));
        }
        Set<UUID> payees = new HashSet<>();
        byPayment.forEach((paymentId, account) -> {
            assertThat(Users.NILS.on(port).get("/api/v1/payments/" + paymentId).<String>json("$.payee.account"))
                    .as("seed %d", seed).isEqualTo(account.canonical());
            payees.add(payments.find(UUID.fromString(paymentId)).orElseThrow().payeeId());
        });
        assertThat(payees).as("seed %d: one payee per account", seed).hasSize(accounts.size());

        String batchId = ledger.batch(municipality, "2021-02-25").json("$.batchId");
        var listed = Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batchId + "/payments?size=500");
        List<String> listedIds = listed.json("$.items[*].paymentId");
        List<String> listedAccounts = listed.json("$.items[*].payee.account");
        assertThat(listedIds).hasSize(accounts.size());
        for (int i = 0; i < listedIds.size(); i++) {
            assertThat(listedAccounts.get(i)).as("seed %d", seed).isEqualTo(byPayment.get(listedIds.get(i)).canonical());
        }
        String file = Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batchId + "/file").body();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Pain001WriterTest.assertValid(factory.newDocumentBuilder().parse(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))));
        var transfers = MxPain00100103.parse(file).getCstmrCdtTrfInitn().getPmtInf().get(0).getCdtTrfTxInf();
        assertThat(transfers).hasSize(accounts.size());
        for (var transfer : transfers) {
            String paymentId = UUID.fromString(transfer.getPmtId().getEndToEndId()
                                                       .replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")).toString();
            assertWritten(transfer.getCdtrAcct().getId(), byPayment.get(paymentId), seed);
        }
    }

    private static void assertWritten(AccountIdentification4Choice id, Generated account, long seed) {
        switch (account.kind()) {
            case IBAN -> assertThat(id.getIBAN()).as("seed %d", seed).isEqualTo(account.electronic());
            case BANK_ACCOUNT, BANKGIRO, PLUSGIRO -> {
                assertThat(id.getIBAN()).isNull();
                assertThat(id.getOthr().getId()).as("seed %d", seed).isEqualTo(account.electronic());
                var scheme = id.getOthr().getSchmeNm();
                String expected = switch (account.kind()) {
                    case BANK_ACCOUNT -> "Cd BBAN";
                    case BANKGIRO -> "Prtry BGNR";
                    default -> "Prtry PGNR";
                };
                assertThat(scheme.getCd() != null ? "Cd " + scheme.getCd() : "Prtry " + scheme.getPrtry()).as("seed %d", seed).isEqualTo(expected);
            }
        }
    }
}
