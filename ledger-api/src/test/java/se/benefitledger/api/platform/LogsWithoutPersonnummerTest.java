package se.benefitledger.api.platform;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.Users;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole request cycle logged at DEBUG, everything captured, as text and as JSON: no personnummer in any form. */
@LedgerApiTest
@ExtendWith(OutputCaptureExtension.class)
class LogsWithoutPersonnummerTest {

    @LocalServerPort
    int port;
    @Autowired
    LoggingSystem logging;

    @Test
    void debugLogsOfAWholeRequestCycleHoldNoPersonnummer(CapturedOutput output) {
        var numbers = requestCycleAtDebug();

        assertThat(output.getAll()).as("DEBUG logging captured").contains("DEBUG").contains("/api/v1/households");
        assertHoldsNone(output.getAll(), numbers);
    }

    /** logging.structured.format.console=ecs: the same cycle through Spring Boot's JSON encoder with the service's configuration. */
    @Test
    void structuredJsonLogsOfAWholeRequestCycleHoldNoPersonnummer() throws Exception {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat("ecs");
        encoder.start();
        var json = new ByteArrayOutputStream();
        var appender = new OutputStreamAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setName("json-test");
        appender.setEncoder(encoder);
        appender.setOutputStream(json);
        appender.start();
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        List<String> numbers;
        try {
            numbers = requestCycleAtDebug();
        } finally {
            root.detachAppender(appender);
            appender.stop();
        }

        String lines = json.toString(StandardCharsets.UTF_8);
        var mapper = new ObjectMapper();
        assertThat(lines.lines()).as("JSON lines captured").hasSizeGreaterThan(10)
                                 .allSatisfy(line -> assertThat(mapper.readTree(line).path("log").path("level").asText()).isNotEmpty());
        assertThat(lines).contains("\"level\":\"DEBUG\"").contains("/api/v1/households").contains("\"traceId\":\"");
        assertHoldsNone(lines, numbers);
    }

    /** Registers, reads, looks up (in every form), refuses and closes, at DEBUG; returns the personnummer used. */
    private List<String> requestCycleAtDebug() {
        String applicant = People.adult();
        String child = People.child();
        String badLuhn = applicant.substring(0, 11) + ((applicant.charAt(11) - '0' + 1) % 10);
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.DEBUG);
        try {
            var anna = Users.ANNA.on(port);
            String householdId = anna.post("/api/v1/households", Ledger.householdJson("0488", applicant, child)).json("$.householdId");
            anna.get("/api/v1/households/" + householdId);
            Users.INGRID.on(port).get("/api/v1/households/" + householdId);
            anna.get("/api/v1/households?personalIdentityNumber=" + applicant);
            anna.get("/api/v1/households?personalIdentityNumber=" + applicant.substring(2, 8) + "-" + applicant.substring(8));
            anna.get("/api/v1/households?personalIdentityNumber=" + applicant.substring(2));
            anna.post("/api/v1/households", Ledger.householdJson("0488", People.adult(), child));
            anna.post("/api/v1/households", Ledger.householdJson("0488", badLuhn));
            anna.post("/api/v1/households/" + householdId + "/closure", "{\"reason\": \"MOVED\", \"effectiveMonth\": \"2021-12\"}");
        } finally {
            logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        }
        return List.of(applicant, child, badLuhn);
    }

    private static void assertHoldsNone(String logs, List<String> numbers) {
        for (String number : numbers) {
            for (String form : forms(number)) {
                assertThat(logs).doesNotContain(form);
            }
        }
    }

    private static List<String> forms(String twelveDigits) {
        String ten = twelveDigits.substring(2);
        return List.of(twelveDigits, ten, ten.substring(0, 6) + "-" + ten.substring(6), twelveDigits.substring(0, 8) + "-" + ten.substring(6),
                ten.substring(0, 6) + "+" + ten.substring(6));
    }
}
