package se.benefitledger.core.privacy;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

/**
 * A person's personal data (and the payees erased with it) can no longer be read or found: their vault keys are
 * destroyed. Names the person by id only. Amounts, counts and reports do not change.
 */
@Revision("1")
public record PersonalDataErasedEvent(UUID personId, List<UUID> payeeIds, String reason) {

    public PersonalDataErasedEvent {
        payeeIds = List.copyOf(payeeIds);
    }
}
