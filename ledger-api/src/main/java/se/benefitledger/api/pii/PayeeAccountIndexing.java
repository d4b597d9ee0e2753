package se.benefitledger.api.pii;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At start, gives payees registered before accounts were indexed their account index, a thousand at a time. */
@Component
class PayeeAccountIndexing implements ApplicationRunner {

    private final PiiVault vault;

    PayeeAccountIndexing(PiiVault vault) {
        this.vault = vault;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        int indexed;
        do {
            indexed = vault.indexUnindexedAccounts(1_000);
        } while (indexed > 0);
    }
}
