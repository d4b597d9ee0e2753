package se.benefitledger.tools.demo;

import org.axonframework.commandhandling.gateway.CommandGateway;
import se.benefitledger.api.pii.Payee;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.core.decision.MakeDecisionCommand;
import se.benefitledger.core.decision.SchedulePaymentCommand;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.RegisterHouseholdCommand;
import se.benefitledger.core.payment.CancelPaymentCommand;
import se.benefitledger.core.payment.RecordErroneousPaymentCommand;
import se.benefitledger.core.payment.ReturnPaymentCommand;
import se.benefitledger.core.payout.AssignPaymentsToBatchCommand;
import se.benefitledger.core.payout.BatchedPayment;
import se.benefitledger.core.payout.CreatePayoutBatchCommand;
import se.benefitledger.core.payout.SettlePayoutBatchCommand;
import se.benefitledger.core.payout.SettlementInstruction;
import se.benefitledger.core.payout.SettlementOutcome;
import se.benefitledger.core.shared.BulkCommand;
import se.benefitledger.core.recovery.CreateRecoveryClaimCommand;
import se.benefitledger.core.recovery.RecordRepaymentCommand;
import se.benefitledger.tools.bulk.DecideInBulkCommand;
import se.benefitledger.tools.bulk.RegisterHouseholdsCommand;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads a plan through the command side of a service running in this JVM: every fact is a core
 * command sent through Axon's command gateway, so the aggregates' rules decide, as for a REST
 * request. Registrations, decisions and payments go as bulk commands of up to {@value #CHUNK}
 * parts (one unit of work, one transaction, events appended in JDBC batches); a payout batch and
 * its settlement go in parts of {@link BulkCommand#MAX_AGGREGATES} payments, as through the API
 * (there {@code BulkCommands} also makes them resumable); the rare facts (cancellations, returns, findings,
 * claims, repayments) go one command each, several at once. Persons and payees get their ids
 * from the PII vault, many at a time. Commands carry the actor {@code system}, like every command
 * sent outside HTTP.
 * <p>
 * Commands of different municipalities run side by side, bulk ones too: the event store lets one
 * bulk command at a time hold its block of indexes open, from its insert to its commit, and holds
 * other inserts back meanwhile (docs/bulk-commands.md), so the tokens keep no gaps of them.
 */
public final class CommandSideWriter implements PlanRunner.Writer, AutoCloseable {

    /** Households or decisions per bulk command: with their payments, a few hundred events, below one part's bound. */
    static final int CHUNK = 200;

    private final CommandGateway commands;
    private final PiiVault vault;
    private final ExecutorService pool;
    private final AtomicLong sent = new AtomicLong();

    /** {@code threads}: how many single commands of one step run at once. */
    public CommandSideWriter(CommandGateway commands, PiiVault vault, int threads) {
        this.commands = commands;
        this.vault = vault;
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            var thread = new Thread(runnable, "command-side-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Core commands applied so far, the parts of bulk commands counted one by one. */
    public long commands() {
        return sent.get();
    }

    @Override
    public void register(List<PlannedHousehold> households) {
        chunks(households).forEach(chunk -> {
            var numbers = chunk.stream().flatMap(household -> household.members().stream()).map(PlannedHousehold.Member::number).toList();
            var personIds = vault.personIdsFor(numbers);
            var registrations = chunk.stream().map(household -> new RegisterHouseholdCommand(household.householdId(), household.municipality(),
                    household.members().stream().map(member -> new HouseholdMember(personIds.get(member.number()), member.role(),
                            member.number().birthDate())).toList())).toList();
            send(new RegisterHouseholdsCommand(registrations), registrations.size());
        });
    }

    @Override
    public void decide(List<PlannedDecision> decisions) {
        chunks(decisions).forEach(chunk -> {
            var payments = chunk.stream().flatMap(decision -> decision.payments().stream()).toList();
            var made = chunk.stream().map(decision -> new MakeDecisionCommand(decision.household().householdId(), decision.decisionId(),
                    decision.benefitMonth(), decision.outcome(), decision.legalBasis(), decision.lines(), decision.incomes(), decision.decidedOn()))
                    .toList();
            send(new DecideInBulkCommand(made, scheduling(payments)), made.size() + payments.size());
        });
    }

    @Override
    public void cancel(List<PlannedPayment> payments) {
        Parallel.run(pool, payments, payment -> send(new CancelPaymentCommand(payment.paymentId(), "wrong amount, scheduled again", null), 1));
    }

    @Override
    public void schedule(List<PlannedPayment> payments) {
        chunks(payments).forEach(chunk -> send(new DecideInBulkCommand(List.of(), scheduling(chunk)), chunk.size()));
    }

    @Override
    public void payout(PlanRunner.Batch batch) {
        var paymentIds = batch.payments().stream().map(PlannedPayment::paymentId).toList();
        var included = new ArrayList<BatchedPayment>(paymentIds.size());
        for (var part : chunks(paymentIds, BulkCommand.MAX_AGGREGATES)) {
            included.addAll(send(new AssignPaymentsToBatchCommand(batch.batchId(), batch.municipality(), batch.payoutDate(), part), 1));
        }
        send(new CreatePayoutBatchCommand(batch.batchId(), batch.municipality(), batch.payoutDate(), included), 1);
        var results = batch.payments().stream().map(payment -> payment.fate() == PlannedPayment.Fate.REJECTED
                ? new SettlementInstruction(payment.paymentId(), SettlementOutcome.REJECTED, "account closed")
                : new SettlementInstruction(payment.paymentId(), SettlementOutcome.EXECUTED, null)).toList();
        chunks(results, BulkCommand.MAX_AGGREGATES).forEach(part -> send(new SettlePayoutBatchCommand(batch.batchId(), batch.payoutDate(), part, null), 1));
    }

    @Override
    public void returnPayments(List<PlannedPayment> payments) {
        Parallel.run(pool, payments, payment -> send(new ReturnPaymentCommand(payment.paymentId(), payment.returnedOn(), "account closed", null), 1));
    }

    @Override
    public void claim(List<PlannedClaim> claims) {
        Parallel.run(pool, claims, claim -> {
            for (var finding : claim.findings()) {
                send(new RecordErroneousPaymentCommand(finding.payment().paymentId(), finding.amount(), finding.cause(), null, null), 1);
            }
            send(new CreateRecoveryClaimCommand(claim.claimId(), claim.householdId(),
                    claim.findings().stream().map(finding -> finding.payment().paymentId()).toList(), claim.principal(), claim.ground(),
                    claim.decidedOn()), 1);
        });
    }

    @Override
    public void repay(List<PlannedRepayment> repayments) {
        Parallel.run(pool, repayments, repayment -> send(new RecordRepaymentCommand(repayment.claimId(), repayment.amount(), repayment.receivedOn(), null), 1));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private List<SchedulePaymentCommand> scheduling(List<PlannedPayment> payments) {
        var payeeIds = vault.payeeIdsFor(new LinkedHashSet<Payee>(payments.stream().map(PlannedPayment::payee).toList()));
        return payments.stream().map(payment -> new SchedulePaymentCommand(payment.decisionId(), payment.paymentId(), payment.amount(),
                payment.dueDate(), payment.payeeType(), payeeIds.get(payment.payee()), null)).toList();
    }

    private <R> R send(Object command, int parts) {
        R result = commands.sendAndWait(command);
        sent.addAndGet(parts);
        return result;
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        return chunks(items, CHUNK);
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        var chunks = new ArrayList<List<T>>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }

}
