package se.benefitledger.api.platform;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Users;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests are observed once, as http.server.requests, not once more per Spring Security filter (issue 17). */
@LedgerApiTest
class SecurityObservationsTest {

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    @Test
    void aRequestIsObservedWithoutSpringSecuritysPerFilterObservations() {
        assertThat(Users.ADAM.on(port).get("/api/v1/admin/projections").status()).isEqualTo(200);

        assertThat(meters.getMeters()).map(meter -> meter.getId().getName())
                                      .contains("http.server.requests")
                                      .noneMatch(name -> name.startsWith("spring.security"));
    }
}
