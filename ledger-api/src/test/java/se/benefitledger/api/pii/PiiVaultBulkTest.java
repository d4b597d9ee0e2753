package se.benefitledger.api.pii;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.People;
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
        var known = new Payee("Bulk Bengtsson", "8327-9 " + System.nanoTime() % 1_000_000_000);
        UUID knownId = vault.payeeIdFor(known);
        var fresh = new Payee("Bulk Bostäder AB", "5050-" + System.nanoTime() % 10_000);
        var sameAccountOtherSpelling = new Payee(" bulk bengtsson ", known.accountDigits());

        var ids = vault.payeeIdsFor(List.of(known, fresh, sameAccountOtherSpelling));

        assertThat(ids.get(known)).isEqualTo(knownId);
        assertThat(ids.get(sameAccountOtherSpelling)).as("the same payee, spelt otherwise").isEqualTo(knownId);
        assertThat(vault.payeeIdFor(fresh)).isEqualTo(ids.get(fresh));
        assertThat(vault.payees(List.of(ids.get(fresh)))).containsEntry(ids.get(fresh), fresh);
    }
}
