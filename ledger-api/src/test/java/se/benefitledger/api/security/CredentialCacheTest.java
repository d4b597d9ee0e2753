package se.benefitledger.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.LedgerApiTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP Basic with a production-strength bcrypt hash (cost 12, {@code berit}): the hash is checked
 * once, later requests with the same credentials are recognised without it, a wrong password never is.
 */
@LedgerApiTest
class CredentialCacheTest {

    @LocalServerPort
    int port;

    /** The only test that uses berit: the first request must be the first of her credentials in the process. */
    @Test
    void requestsAfterTheFirstDoNotPayForTheHashAgain() {
        var berit = Http.to(port).as("berit", "secret");
        long first = timed(() -> assertThat(berit.get(unknownHousehold()).status()).isEqualTo(404));

        long nextFive = timed(() -> {
            for (int request = 0; request < 5; request++) {
                assertThat(berit.get(unknownHousehold()).status()).isEqualTo(404);
            }
        });

        // each of the five would take at least as long as the first if it hashed again
        assertThat(nextFive).as("5 requests after the first, against the first (ns)").isLessThan(2 * first);
    }

    @Test
    void aWrongPasswordIsRefusedRightAfterTheRightOneWasAccepted() {
        assertThat(Http.to(port).as("adam", "secret").get("/api/v1/admin/projections").status()).isEqualTo(200);

        assertThat(Http.to(port).as("adam", "Secret").get("/api/v1/admin/projections").status()).isEqualTo(401);
        assertThat(Http.to(port).as("adam", "secret ").get("/api/v1/admin/projections").status()).isEqualTo(401);
        assertThat(Http.to(port).as("anna", "secret").get("/api/v1/admin/projections").status()).isEqualTo(403);
    }

    private static String unknownHousehold() {
        return "/api/v1/households/" + UUID.randomUUID();
    }

    private static long timed(Runnable requests) {
        long start = System.nanoTime();
        requests.run();
        return System.nanoTime() - start;
    }
}
