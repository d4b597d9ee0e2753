package se.benefitledger.core.privacy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/**
 * Records that a person's personal data was destroyed in the vault (crypto-shredding), with the payees (the
 * household's own accounts) destroyed with it. {@code reason} names the ground, never the person.
 */
public record ErasePersonalDataCommand(@TargetAggregateIdentifier UUID personId, List<UUID> payeeIds, String reason) {

    public ErasePersonalDataCommand {
        payeeIds = List.copyOf(payeeIds);
    }
}
