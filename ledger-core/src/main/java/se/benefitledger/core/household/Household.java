package se.benefitledger.core.household;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import se.benefitledger.core.decision.Decision;
import se.benefitledger.core.decision.MakeDecisionCommand;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.StateConflict;

import java.util.HashSet;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/** An assistance household (biståndshushåll) of one municipality. */
public class Household {

    @AggregateIdentifier
    private UUID householdId;
    private MunicipalityCode municipality;
    private HouseholdStatus status;

    protected Household() {
        // for Axon
    }

    @CommandHandler
    public Household(RegisterHouseholdCommand command) {
        var violations = HouseholdComposition.violations(command.members().stream().map(HouseholdMember::role).toList());
        if (!violations.isEmpty()) {
            throw new BusinessRuleViolation(String.join("; ", violations));
        }
        var personIds = new HashSet<UUID>();
        if (!command.members().stream().allMatch(member -> personIds.add(member.personId()))) {
            throw new BusinessRuleViolation("a person can be a member of a household only once");
        }
        apply(new HouseholdRegisteredEvent(command.householdId(), command.municipality(), command.members()));
    }

    @CommandHandler
    public void handle(CloseHouseholdCommand command) {
        requireActive("close it");
        apply(new HouseholdClosedEvent(householdId, municipality, command.reason(), command.effectiveMonth()));
    }

    /** Decisions are made on ACTIVE households only; the decision is created in the same unit of work. */
    @CommandHandler
    public UUID handle(MakeDecisionCommand command) throws Exception {
        requireActive("receive a decision");
        createNew(Decision.class, () -> new Decision(command, municipality));
        return command.decisionId();
    }

    public MunicipalityCode municipality() {
        return municipality;
    }

    void requireActive(String action) {
        if (status != HouseholdStatus.ACTIVE) {
            throw new StateConflict("household " + householdId + " is " + status + "; only an ACTIVE household can " + action);
        }
    }

    @EventSourcingHandler
    void on(HouseholdRegisteredEvent event) {
        householdId = event.householdId();
        municipality = event.municipality();
        status = HouseholdStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(HouseholdClosedEvent event) {
        status = HouseholdStatus.CLOSED;
    }
}
