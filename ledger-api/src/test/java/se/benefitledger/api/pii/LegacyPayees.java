package se.benefitledger.api.pii;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Payees as the vault stored them before accounts were checked and stored in canonical form: the account as it was
 * typed, valid or not, and no account index. Such rows are in installations that ran an earlier version.
 */
public final class LegacyPayees {

    private LegacyPayees() {
    }

    public static UUID store(ApplicationContext context, String name, String accountAsTyped) {
        var cipher = new PiiCipher(context.getBean(PiiKeys.class));
        UUID id = UUID.randomUUID();
        var dataKey = cipher.newDataKey();
        context.getBean(JdbcClient.class)
               .sql("INSERT INTO pii_subject (subject_id, kind, blind_index, wrapped_key, ciphertext) VALUES (?, 'PAYEE', ?, ?, ?)")
               .params(id, cipher.blindIndex("PAYEE", "legacy " + id), cipher.wrap(dataKey, id),
                       cipher.encrypt(dataKey, (name + "\n" + accountAsTyped).getBytes(StandardCharsets.UTF_8), id))
               .update();
        return id;
    }
}
