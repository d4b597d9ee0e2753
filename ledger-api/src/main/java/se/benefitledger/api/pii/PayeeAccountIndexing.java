package se.benefitledger.api.pii;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** At start, gives payees registered before accounts were indexed their account index, a thousand at a time. */
@Component
class PayeeAccountIndexing implements ApplicationRunner {

    private final PiiVault vault;

    PayeeAccountIndexing(PiiVault vault) {
        this.vault = vault;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        Optional<UUID> last = Optional.empty();
        do {
            last = vault.indexUnindexedAccounts(last.orElse(null), 1_000);
        } while (last.isPresent());
    }
}
