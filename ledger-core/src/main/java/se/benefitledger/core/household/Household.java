package se.benefitledger.core.household;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import se.benefitledger.core.decision.Decision;
import se.benefitledger.core.decision.MakeDecisionCommand;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.StateConflict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/** An assistance household (biståndshushåll) of one municipality. */
@Revision("1")
public class Household {

    @AggregateIdentifier
    private UUID householdId;
    private MunicipalityCode municipality;
    private HouseholdStatus status;
    private final List<Membership> memberships = new ArrayList<>();

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

    /** Composition rules of registration hold in every month from {@code fromMonth} on. */
    @CommandHandler
    public void handle(AddMemberCommand command) {
        requireActive("change its members");
        var member = command.member();
        if (member.role() == MemberRole.APPLICANT) {
            throw new BusinessRuleViolation("a household has exactly one APPLICANT; a second APPLICANT cannot join household " + householdId);
        }
        if (memberships.stream().anyMatch(m -> m.member().personId().equals(member.personId()) && m.reachesInto(command.fromMonth()))) {
            throw new BusinessRuleViolation("person " + member.personId() + " is already a member of household " + householdId
                    + " in " + command.fromMonth() + "; a person can be a member of a household only once");
        }
        if (member.role() == MemberRole.CO_APPLICANT
                && memberships.stream().anyMatch(m -> m.member().role() == MemberRole.CO_APPLICANT && m.reachesInto(command.fromMonth()))) {
            throw new BusinessRuleViolation("a household has at most one CO_APPLICANT; household " + householdId + " has one in "
                    + command.fromMonth());
        }
        apply(new MemberJoinedEvent(householdId, municipality, member, command.fromMonth()));
    }

    @CommandHandler
    public void handle(RecordDepartureCommand command) {
        requireActive("change its members");
        var membership = memberships.stream().filter(m -> m.member().personId().equals(command.personId()) && m.current()).findFirst();
        if (membership.isEmpty()) {
            if (memberships.stream().anyMatch(m -> m.member().personId().equals(command.personId()))) {
                throw new StateConflict("person " + command.personId() + " has already left household " + householdId);
            }
            throw new BusinessRuleViolation("person " + command.personId() + " is not a member of household " + householdId);
        }
        if (membership.get().member().role() == MemberRole.APPLICANT) {
            throw new BusinessRuleViolation("a household has exactly one APPLICANT, who cannot leave it; close household " + householdId
                    + " instead");
        }
        var from = membership.get().fromMonth();
        if (from != null && !from.isBefore(command.month())) {
            throw new BusinessRuleViolation("person " + command.personId() + " is a member from " + from
                    + "; the departure month must come after it");
        }
        apply(new MemberDepartedEvent(householdId, municipality, command.personId(), command.month()));
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
        event.members().forEach(member -> memberships.add(Membership.founder(member)));
    }

    @EventSourcingHandler
    void on(MemberJoinedEvent event) {
        memberships.add(new Membership(event.member(), event.fromMonth(), null));
    }

    @EventSourcingHandler
    void on(MemberDepartedEvent event) {
        memberships.replaceAll(m -> m.member().personId().equals(event.personId()) && m.current() ? m.departingIn(event.month()) : m);
    }

    @EventSourcingHandler
    void on(HouseholdClosedEvent event) {
        status = HouseholdStatus.CLOSED;
    }
}
