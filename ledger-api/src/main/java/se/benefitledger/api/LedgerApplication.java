package se.benefitledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "se.benefitledger")
@ConfigurationPropertiesScan("se.benefitledger")
public class LedgerApplication {

    public static void main(String[] args) {
        // Axon 4 asks AxonIQ for updates unless this system property is set (a Spring property does
        // not reach the checker); the ledger never phones home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(LedgerApplication.class, args);
    }
}
