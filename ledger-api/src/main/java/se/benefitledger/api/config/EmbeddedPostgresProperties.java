package se.benefitledger.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The PostgreSQL the service starts for itself when no {@code spring.datasource.url} is set.
 *
 * @param dataDirectory where the database files live; kept across restarts
 * @param port          the port to listen on, 0 for any free port
 * @param synchronousCommit PostgreSQL's {@code synchronous_commit}: {@code on} loses no committed
 *                      transaction on a crash; {@code off} trades that for speed (tests)
 */
@ConfigurationProperties("ledger.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, int port, String synchronousCommit) {

    public EmbeddedPostgresProperties {
        if (synchronousCommit == null) {
            synchronousCommit = "on";
        }
    }
}
