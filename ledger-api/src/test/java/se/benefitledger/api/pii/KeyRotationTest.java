package se.benefitledger.api.pii;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.Users;
import se.benefitledger.core.shared.PersonalIdentityNumber;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Key rotation: the service runs with a new master key and the old one as previous (a database of its own, since the
 * keys differ from the other tests'). Data keys wrapped under the old key stay readable throughout; after
 * {@code POST /admin/pii-keys/rotation} every subject and every sealed stored response opens under the new key alone.
 */
@LedgerApiTest
@TestPropertySource(properties = {
        "ledger.pii.master-key=" + KeyRotationTest.NEW_MASTER_KEY,
        "ledger.pii.previous-master-keys=" + KeyRotationTest.OLD_MASTER_KEY})
class KeyRotationTest {

    static final String OLD_MASTER_KEY = "dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=";
    static final String NEW_MASTER_KEY = "dGVzdC1vbmx5LXJvdGF0ZWQtbWFzdGVyLWtleS0zMiE=";
    private static final String INDEX_KEY = "dGVzdC1vbmx5LWluZGV4LWtleS0zMi1ieXRlcyEhISE=";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PiiVault vault;

    @Test
    void everySubjectIsReadableDuringAndAfterRotation() {
        var oldKeys = PiiKeys.fromBase64(OLD_MASTER_KEY, INDEX_KEY);
        var underOldKey = new PiiVault(jdbc, oldKeys);
        var numbers = List.of(PersonalIdentityNumber.parse(People.adult()), PersonalIdentityNumber.parse(People.child()));
        Map<PersonalIdentityNumber, UUID> persons = underOldKey.personIdsFor(numbers);
        UUID payee = underOldKey.payeeIdFor(new Payee("Anna Andersson", "8327-9 123456782"));
        UUID responseKey = UUID.randomUUID();
        var sealed = new PiiSeal(oldKeys).seal(responseKey, "{\"stored\": true}".getBytes(StandardCharsets.UTF_8));
        jdbc.sql("""
                    INSERT INTO idempotency_key (caller, idempotency_key, request_hash, state, response_status, response_headers, response_body,
                                                 response_key, wrapped_key, expires_at)
                    VALUES ('test', ?, '\\x00', 'COMPLETED', 200, '{}', ?, ?, ?, now() + interval '1 hour')""")
            .params(UUID.randomUUID().toString(), sealed.ciphertext(), responseKey, sealed.wrappedKey())
            .update();
        // before the rotation, the service (new key, old key as previous) reads what the old key wrapped
        assertThat(vault.personalIdentityNumbers(persons.values())).hasSize(2);

        var rotation = Users.ADAM.on(port).post("/api/v1/admin/pii-keys/rotation", "{}");

        assertThat(rotation.status()).as(rotation.toString()).isEqualTo(200);
        assertThat(rotation.<Integer>json("$.subjects")).isGreaterThanOrEqualTo(3);
        assertThat(rotation.<Integer>json("$.storedResponses")).isGreaterThanOrEqualTo(1);
        var newKeyOnly = PiiKeys.fromBase64(NEW_MASTER_KEY, INDEX_KEY);
        var underNewKey = new PiiVault(jdbc, newKeyOnly);
        for (var number : numbers) {
            assertThat(underNewKey.personalIdentityNumbers(List.of(persons.get(number)))).containsEntry(persons.get(number), number);
            assertThat(underNewKey.findPerson(number)).contains(persons.get(number));
        }
        assertThat(underNewKey.payees(List.of(payee)).get(payee).name()).isEqualTo("Anna Andersson");
        byte[] wrapped = jdbc.sql("SELECT wrapped_key FROM idempotency_key WHERE response_key = ?").param(responseKey).query(byte[].class).single();
        assertThat(new String(new PiiSeal(newKeyOnly).open(responseKey, new PiiSeal.Sealed(wrapped, sealed.ciphertext())), StandardCharsets.UTF_8))
                .isEqualTo("{\"stored\": true}");
        // and the old key opens nothing any more
        assertThatThrownBy(() -> underOldKey.personalIdentityNumbers(persons.values())).isInstanceOf(IllegalStateException.class);
        assertThat(Users.ADAM.on(port).post("/api/v1/admin/pii-keys/rotation", "{}").<Integer>json("$.subjects")).isZero();
    }
}
