package se.benefitledger.api.decision;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.benefitledger.api.pii.Payee;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.api.security.AccessControl;
import se.benefitledger.core.decision.DecisionLine;
import se.benefitledger.core.decision.IncomeLine;
import se.benefitledger.core.decision.MakeDecisionCommand;
import se.benefitledger.core.decision.RevokeDecisionCommand;
import se.benefitledger.core.decision.SchedulePaymentCommand;
import se.benefitledger.core.payment.PayeeAccount;
import se.benefitledger.projections.decision.DecisionQueries;
import se.benefitledger.projections.decision.DecisionView;
import se.benefitledger.projections.household.HouseholdQueries;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Service
class DecisionService {

    private final CommandGateway commands;
    private final DecisionQueries decisions;
    private final HouseholdQueries households;
    private final AccessControl access;
    private final PiiVault vault;
    private final Clock clock;

    DecisionService(CommandGateway commands, DecisionQueries decisions, HouseholdQueries households, AccessControl access, PiiVault vault,
                    Clock clock) {
        this.commands = commands;
        this.clock = clock;
        this.decisions = decisions;
        this.households = households;
        this.access = access;
        this.vault = vault;
    }

    @Transactional
    public DecisionView make(MakeDecisionRequest request) {
        access.requireVisible(households.lockMunicipalityOf(request.householdId()), "household", request.householdId());
        UUID decisionId = UUID.randomUUID();
        var incomes = request.incomes() == null ? List.<MakeDecisionRequest.Income>of() : request.incomes();
        commands.sendAndWait(new MakeDecisionCommand(request.householdId(), decisionId, request.benefitMonth(), request.outcome(),
                request.legalBasis(),
                request.lines().stream().map(line -> new DecisionLine(line.type(), line.amount())).toList(),
                incomes.stream().map(income -> new IncomeLine(income.type(), income.amount())).toList(),
                request.decidedOn() == null ? LocalDate.now(clock) : request.decidedOn()));
        return decisions.find(decisionId).orElseThrow();
    }

    @Transactional
    public DecisionView revoke(UUID decisionId, RevokeDecisionRequest request, Long expectedVersion) {
        commands.sendAndWait(new RevokeDecisionCommand(decisionId, request.reason(), expectedVersion));
        return decisions.find(decisionId).orElseThrow();
    }

    /**
     * Schedules the payment and answers its id; the payee's name and account go to the vault. The
     * household's row is locked after the decision's (locked before the handler ran): a closure of
     * the household waits, or is seen.
     */
    @Transactional
    public UUID schedulePayment(UUID decisionId, SchedulePaymentRequest request, Long expectedVersion) {
        decisions.lockHouseholdOf(decisionId);
        UUID paymentId = UUID.randomUUID();
        UUID payeeId = vault.payeeIdFor(Payee.of(request.payee().name(), PayeeAccount.parse(request.payee().account())));
        commands.sendAndWait(new SchedulePaymentCommand(decisionId, paymentId, request.amount(), request.dueDate(),
                request.payee().type(), payeeId, expectedVersion));
        return paymentId;
    }
}
