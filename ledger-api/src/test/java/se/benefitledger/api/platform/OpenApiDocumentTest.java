package se.benefitledger.api.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.LedgerApiTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/openapi.yaml} is the served document. After an intended change to the API,
 * regenerate it with
 * {@code ./mvnw -q -pl ledger-api -am test -Dtest=OpenApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.update=true}.
 */
@LedgerApiTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("..", "docs", "openapi.yaml");

    @LocalServerPort
    int port;

    @Test
    void servesExactlyTheCommittedDocument() throws IOException {
        var served = Http.to(port).get("/v3/api-docs.yaml");
        assertThat(served.status()).isEqualTo(200);
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, served.body());
        }

        assertThat(served.body()).as("docs/openapi.yaml differs from the served document; if the change is intended, regenerate it (see this test's javadoc)")
                                 .isEqualTo(Files.readString(COMMITTED));
    }
}
