package se.benefitledger.api.pii;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.core.shared.PersonalIdentityNumber;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where personnummer live: encrypted per person, found by a keyed hash. Everything else in the
 * ledger knows a person only by the id this vault hands out.
 */
@Service
public class PiiVault {

    private static final String PERSON = "PERSON";

    private final JdbcClient jdbc;
    private final PiiCipher cipher;

    PiiVault(JdbcClient jdbc, PiiKeys keys) {
        this.jdbc = jdbc;
        this.cipher = new PiiCipher(keys);
    }

    /** The person id for this personnummer, created on first sight. Joins the caller's transaction. */
    public UUID personIdFor(PersonalIdentityNumber number) {
        byte[] index = cipher.blindIndex(PERSON, number.digits());
        UUID candidate = UUID.randomUUID();
        var dataKey = cipher.newDataKey();
        // a concurrent registration of the same new person waits on the unique index and then finds this row
        Optional<UUID> inserted = jdbc.sql("""
                        INSERT INTO pii_subject (subject_id, kind, blind_index, wrapped_key, ciphertext)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, blind_index) DO NOTHING RETURNING subject_id""")
                .params(candidate, PERSON, index, cipher.wrap(dataKey, candidate),
                        cipher.encrypt(dataKey, number.digits().getBytes(StandardCharsets.US_ASCII), candidate))
                .query(UUID.class)
                .optional();
        return inserted.orElseGet(() -> findPerson(number).orElseThrow());
    }

    public Optional<UUID> findPerson(PersonalIdentityNumber number) {
        return jdbc.sql("SELECT subject_id FROM pii_subject WHERE kind = ? AND blind_index = ?")
                   .params(PERSON, cipher.blindIndex(PERSON, number.digits()))
                   .query(UUID.class)
                   .optional();
    }

    /** The personnummer of these persons; an erased person is missing from the result. */
    public Map<UUID, PersonalIdentityNumber> personalIdentityNumbers(Collection<UUID> personIds) {
        var numbers = new HashMap<UUID, PersonalIdentityNumber>();
        if (personIds.isEmpty()) {
            return numbers;
        }
        jdbc.sql("""
                    SELECT subject_id, wrapped_key, ciphertext FROM pii_subject
                    WHERE kind = ? AND subject_id = ANY (?) AND wrapped_key IS NOT NULL""")
            .params(PERSON, personIds.toArray(UUID[]::new))
            .query(rs -> {
                UUID id = rs.getObject("subject_id", UUID.class);
                var dataKey = cipher.unwrap(rs.getBytes("wrapped_key"), id);
                String digits = new String(cipher.decrypt(dataKey, rs.getBytes("ciphertext"), id), StandardCharsets.US_ASCII);
                numbers.put(id, PersonalIdentityNumber.parse(digits));
            });
        return numbers;
    }
}
