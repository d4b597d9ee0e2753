package se.benefitledger.core.privacy;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.BusinessRuleViolation;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person's personal data as the ledger's history knows it: only its erasure is an event, since the data itself
 * lives in the vault. Erased once: a person's data cannot be erased twice.
 */
@Revision("1")
public class PersonalData {

    @AggregateIdentifier
    private UUID personId;

    protected PersonalData() {
        // for Axon
    }

    @CommandHandler
    public PersonalData(ErasePersonalDataCommand command) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new BusinessRuleViolation("an erasure of personal data must state its reason");
        }
        apply(new PersonalDataErasedEvent(command.personId(), command.payeeIds(), command.reason()));
    }

    @EventSourcingHandler
    void on(PersonalDataErasedEvent event) {
        personId = event.personId();
    }
}
