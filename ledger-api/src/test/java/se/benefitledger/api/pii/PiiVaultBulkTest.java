package se.benefitledger.api.pii;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.People;
import se.benefitledger.core.payment.CheckDigits;
import se.benefitledger.core.payment.PayeeAccount;
import se.benefitledger.core.shared.PersonalIdentityNumber;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@LedgerApiTest
class PiiVaultBulkTest {

    @Autowired
    PiiVault vault;
    @Autowired
    JdbcClient jdbc;

    @Test
    void givesManyPersonsTheIdsOneAtATimeWouldGive() {
        var known = PersonalIdentityNumber.parse(People.adult());
        UUID knownId = vault.personIdFor(known);
        var fresh = List.of(PersonalIdentityNumber.parse(People.adult()), PersonalIdentityNumber.parse(People.child()));

        var ids = vault.personIdsFor(List.of(known, fresh.get(0), fresh.get(1), known));

        assertThat(ids).hasSize(3).containsEntry(known, knownId);
        assertThat(ids.get(fresh.get(0))).isNotEqualTo(ids.get(fresh.get(1)));
        for (var number : fresh) {
            assertThat(vault.personIdFor(number)).isEqualTo(ids.get(number));
            assertThat(vault.findPerson(number)).contains(ids.get(number));
        }
        assertThat(vault.personalIdentityNumbers(ids.values())).containsEntry(ids.get(fresh.get(1)), fresh.get(1));
        // every person has a data key of its own
        assertThat(jdbc.sql("SELECT count(DISTINCT wrapped_key) FROM pii_subject WHERE subject_id = ANY (?)")
                       .param(ids.values().toArray(UUID[]::new)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void givesManyPayeesTheIdsOneAtATimeWouldGive() {
        String number = String.format("%08d", System.nanoTime() % 100_000_000);
        var known = new Payee("Bulk Bengtsson", "8327-9 " + number + CheckDigits.luhn(number));
        UUID knownId = vault.payeeIdFor(known);
        String bankgiro = String.format("%07d", 1_000_000 + System.nanoTime() % 9_000_000);
        var fresh = new Payee("Bulk Bostäder AB", "BG " + bankgiro + CheckDigits.luhn(bankgiro));
        var sameAccountOtherSpelling = new Payee(" bulk bengtsson ", "83279-0" + number + CheckDigits.luhn(number));

        var ids = vault.payeeIdsFor(List.of(known, fresh, sameAccountOtherSpelling));

        assertThat(ids.get(known)).isEqualTo(knownId);
        assertThat(ids.get(sameAccountOtherSpelling)).as("the same payee, spelt otherwise").isEqualTo(knownId);
        assertThat(vault.payeeIdFor(fresh)).isEqualTo(ids.get(fresh));
        assertThat(vault.payees(List.of(ids.get(fresh)))).as("stored in canonical form")
                .containsEntry(ids.get(fresh), Payee.of("Bulk Bostäder AB", PayeeAccount.parse(fresh.account())));
    }

    /** Identity was the name and the account's digits: two IBANs differing only in letters were one payee, paid at the first's bank. */
    @Test
    void neverMergesTwoAccountsThatShareTheirDigits() {
        String name = "Samma Namn " + UUID.randomUUID();
        var westminster = new Payee(name, "GB29 NWBK 6016 1331 9268 19");
        var otherBank = new Payee(name, "GB29 NWAN 6016 1331 9268 19");
        var bankgiro = new Payee(name, "BG 5050-1055");
        var plusgiro = new Payee(name, "PG 5050105-5");

        var ids = vault.payeeIdsFor(List.of(westminster, otherBank, bankgiro, plusgiro));

        assertThat(ids.values()).doesNotHaveDuplicates().hasSize(4);
        assertThat(vault.payeeIdFor(otherBank)).isEqualTo(ids.get(otherBank)).isNotEqualTo(vault.payeeIdFor(westminster));
        assertThat(vault.payees(List.of(ids.get(otherBank))).get(ids.get(otherBank)).account()).isEqualTo("GB29 NWAN 6016 1331 9268 19");
    }

    /** An earlier version stored accounts as typed: the indexing at start indexes the valid ones and skips the rest. */
    @Test
    void indexingAtStartSkipsALegacyPayeeWhoseAccountTheRulesRefuse(@Autowired ApplicationContext context) {
        UUID invalid = LegacyPayees.store(context, "Gammal Hyresvärd", "8327-9 123456789");
        UUID valid = LegacyPayees.store(context, "Gammal Hyresvärd", "8327-9  1234 56782");

        new PayeeAccountIndexing(vault).run(null);

        assertThat(vault.payeesWithAccount(PayeeAccount.parse("8327-9 123456782"))).contains(valid);
        assertThat(jdbc.sql("SELECT account_index IS NULL FROM pii_subject WHERE subject_id = ?").param(invalid).query(Boolean.class).single())
                .isTrue();
    }
}
