package se.benefitledger.api.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.Users;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole request cycle logged at DEBUG, everything captured: no personnummer in any form. */
@LedgerApiTest
@ExtendWith(OutputCaptureExtension.class)
class LogsWithoutPersonnummerTest {

    @LocalServerPort
    int port;
    @Autowired
    LoggingSystem logging;

    @Test
    void debugLogsOfAWholeRequestCycleHoldNoPersonnummer(CapturedOutput output) {
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

        assertThat(output.getAll()).as("DEBUG logging captured").contains("DEBUG").contains("/api/v1/households");
        for (String number : List.of(applicant, child, badLuhn)) {
            for (String form : forms(number)) {
                assertThat(output.getAll()).doesNotContain(form);
            }
        }
    }

    private static List<String> forms(String twelveDigits) {
        String ten = twelveDigits.substring(2);
        return List.of(twelveDigits, ten, ten.substring(0, 6) + "-" + ten.substring(6), twelveDigits.substring(0, 8) + "-" + ten.substring(6),
                ten.substring(0, 6) + "+" + ten.substring(6));
    }
}
