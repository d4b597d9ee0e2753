package se.benefitledger.api.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Users;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** A request's W3C trace context: continued from the client, answered, and in its problem details and every log line. */
@LedgerApiTest
@ExtendWith(OutputCaptureExtension.class)
class TracingTest {

    @LocalServerPort
    int port;
    @Autowired
    LoggingSystem logging;

    @Test
    void aRequestsTraceIdIsInItsLogLinesItsProblemDetailsAndItsTraceparent(CapturedOutput output) {
        String traceId = hex(16);
        String requestId = "trace-test-" + hex(4);
        logging.setLogLevel("se.benefitledger", LogLevel.DEBUG);
        logging.setLogLevel("org.springframework.web", LogLevel.DEBUG);
        var response = Users.ANNA.on(port)
                                 .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                                 .header("X-Request-Id", requestId)
                                 .get("/api/v1/households/not-a-uuid");
        logging.setLogLevel("se.benefitledger", LogLevel.INFO);
        logging.setLogLevel("org.springframework.web", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.<String>json("$.traceId")).isEqualTo(traceId);
        assertThat(response.header("traceparent")).hasValueSatisfying(header -> assertThat(header).matches("00-" + traceId + "-[0-9a-f]{16}-01"));
        var lines = output.getAll().lines().filter(line -> line.contains(requestId)).toList();
        assertThat(lines).as("the request logged at DEBUG").isNotEmpty();
        assertThat(lines).allSatisfy(line -> assertThat(line).contains("[" + traceId + ","));
    }

    @Test
    void startsATraceWhenTheClientSendsNone() {
        var response = Users.ANNA.on(port).get("/api/v1/households/not-a-uuid");
        String traceId = response.json("$.traceId");
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(response.header("traceparent")).hasValueSatisfying(header -> assertThat(header).startsWith("00-" + traceId + "-"));
    }

    private static String hex(int bytes) {
        var random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
