package se.benefitledger.api.payout;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.benefitledger.core.payment.PaymentStatus;
import se.benefitledger.core.payment.ReturnPaymentCommand;
import se.benefitledger.core.payout.BankReportIssue;
import se.benefitledger.core.payout.RecordBankReportCommand;
import se.benefitledger.core.payout.SettlePayoutBatchCommand;
import se.benefitledger.core.payout.SettlementInstruction;
import se.benefitledger.core.payout.SettlementOutcome;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.projections.decision.DecisionQueries;
import se.benefitledger.projections.payment.PaymentQueries;
import se.benefitledger.projections.payment.PaymentView;
import se.benefitledger.projections.payout.PayoutBatchQueries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Applies a bank's pain.002 or camt.054 message to a payout batch: each transaction is matched to
 * a payment of the batch by its EndToEndId (the payment id without dashes, as the pain.001 file
 * wrote it) and goes through the same settlement and return commands as answers typed in by hand.
 * What cannot be applied is reported and recorded on the batch, where reconciliation lists it.
 */
@Service
public class BankReportService {

    private final CommandGateway commands;
    private final BankReportReader reader = new BankReportReader();
    private final PaymentQueries payments;
    private final PayoutBatchQueries batches;
    private final DecisionQueries decisions;

    BankReportService(CommandGateway commands, PaymentQueries payments, PayoutBatchQueries batches, DecisionQueries decisions) {
        this.commands = commands;
        this.payments = payments;
        this.batches = batches;
        this.decisions = decisions;
    }

    /**
     * The batch's row is locked first (the scope check does not lock a batch), so that two reports of one batch, or one
     * report sent twice at once, are applied one after the other: the second finds the first recorded. A report is applied
     * all or nothing, in this one transaction: its settlements go as commands of one part each, committed together (a
     * report of many thousand payments holds their event indexes until then, within {@code ledger.event-store.max-index-hold}).
     */
    @Transactional
    public BankReportResult apply(UUID batchId, String xml) {
        BankReport report = reader.read(xml);
        batches.lock(batchId);
        var earlier = batches.bankReport(batchId, report.messageId());
        if (earlier.isPresent()) {
            var recorded = earlier.get();
            return new BankReportResult(report.messageId(), recorded.applied(), recorded.unmatched(), recorded.conflicts(), true);
        }
        String file = PayoutFileService.compact(batchId);
        if (report.originalMessageId() != null && !report.originalMessageId().equals(file)) {
            throw new BusinessRuleViolation("bank message " + report.messageId() + " answers payment order file " + report.originalMessageId()
                    + ", not file " + file + " of payout batch " + batchId);
        }
        Map<String, PaymentView> byEndToEndId = paymentsOf(batchId);
        var entries = expandGroupStatus(report.entries(), byEndToEndId);
        if (!entries.isEmpty() && entries.stream().noneMatch(entry -> belongs(entry, file, byEndToEndId))) {
            throw new BusinessRuleViolation("bank message " + report.messageId() + " reports no payment of payout batch " + batchId);
        }

        var plan = new Plan();
        for (var entry : entries) {
            if (belongs(entry, file, byEndToEndId)) {
                plan.add(entry, byEndToEndId.get(entry.endToEndId()));
            } else {
                plan.unmatched.add(new BankReportIssue(entry.endToEndId(), null, entry.outcome().name(), entry.amount(), null,
                        entry.fileMessageId() != null && !entry.fileMessageId().equals(file)
                                ? "names payment order file " + entry.fileMessageId() : "no payment of the batch has this EndToEndId"));
            }
        }
        decisions.lockDecisionsOfPayments(plan.releasing());
        // a whole file's status settles every payment still waiting: in parts, as a settlement command takes at most one part
        plan.settlements.forEach((settledOn, results) -> PayoutBatchService.parts(results)
                .forEach(part -> commands.sendAndWait(new SettlePayoutBatchCommand(batchId, settledOn, part, null))));
        plan.returns.forEach(command -> commands.sendAndWait(command));
        commands.sendAndWait(new RecordBankReportCommand(batchId, report.messageId(), plan.applied, plan.unmatched, plan.conflicts));
        return new BankReportResult(report.messageId(), plan.applied, plan.unmatched, plan.conflicts, false);
    }

    private static boolean belongs(BankReport.Entry entry, String file, Map<String, PaymentView> byEndToEndId) {
        return (entry.fileMessageId() == null || entry.fileMessageId().equals(file)) && byEndToEndId.containsKey(entry.endToEndId());
    }

    /** A pain.002 group status without transactions answers every payment of the file still waiting for an answer. */
    private static List<BankReport.Entry> expandGroupStatus(List<BankReport.Entry> entries, Map<String, PaymentView> byEndToEndId) {
        var expanded = new ArrayList<BankReport.Entry>();
        for (var entry : entries) {
            if (entry.endToEndId() != null) {
                expanded.add(entry);
            } else {
                byEndToEndId.forEach((endToEndId, payment) -> {
                    if (payment.status() == PaymentStatus.BATCHED) {
                        expanded.add(new BankReport.Entry(endToEndId, entry.outcome(), entry.on(), entry.reasonCode(), null, entry.fileMessageId()));
                    }
                });
            }
        }
        return expanded;
    }

    private Map<String, PaymentView> paymentsOf(UUID batchId) {
        var byEndToEndId = new HashMap<String, PaymentView>();
        List<PaymentView> page = payments.pageInBatch(batchId, null, PayoutFileService.PAGE);
        while (!page.isEmpty()) {
            page.forEach(payment -> byEndToEndId.put(PayoutFileService.compact(payment.paymentId()), payment));
            page = page.size() < PayoutFileService.PAGE ? List.of() : payments.pageInBatch(batchId, page.get(page.size() - 1).paymentId(),
                    PayoutFileService.PAGE);
        }
        return byEndToEndId;
    }

    /**
     * The commands a report leads to, decided against each payment's state as the report's earlier
     * transactions leave it (a report may book a payment and its return).
     */
    private static final class Plan {
        final TreeMap<LocalDate, List<SettlementInstruction>> settlements = new TreeMap<>();
        final List<ReturnPaymentCommand> returns = new ArrayList<>();
        final List<BankReportIssue> unmatched = new ArrayList<>();
        final List<BankReportIssue> conflicts = new ArrayList<>();
        final Map<UUID, PaymentStatus> states = new HashMap<>();
        final Map<UUID, LocalDate> executedOn = new HashMap<>();
        int applied;

        void add(BankReport.Entry entry, PaymentView payment) {
            PaymentStatus state = states.getOrDefault(payment.paymentId(), payment.status());
            if (entry.amount() != null && !entry.amount().equals(payment.amount())) {
                conflict(entry, payment, state, "the bank reports " + entry.amount() + ", the payment is " + payment.amount());
                return;
            }
            switch (entry.outcome()) {
                case EXECUTED -> {
                    if (state == PaymentStatus.BATCHED) {
                        settle(entry, payment, SettlementOutcome.EXECUTED, null);
                        executedOn.put(payment.paymentId(), entry.on());
                    } else if (state != PaymentStatus.EXECUTED && state != PaymentStatus.RETURNED) {
                        conflict(entry, payment, state, "paid by the bank, " + state + " in the ledger");
                    }
                }
                case REJECTED -> {
                    if (state == PaymentStatus.BATCHED) {
                        settle(entry, payment, SettlementOutcome.REJECTED, entry.reasonCode() == null ? "rejected by the bank" : entry.reasonCode());
                    } else if (state != PaymentStatus.REJECTED) {
                        conflict(entry, payment, state, "rejected by the bank, " + state + " in the ledger");
                    }
                }
                case RETURNED -> returned(entry, payment, state);
            }
        }

        private void returned(BankReport.Entry entry, PaymentView payment, PaymentStatus state) {
            if (state == PaymentStatus.RETURNED) {
                return;
            }
            LocalDate paidOn = executedOn.getOrDefault(payment.paymentId(), payment.executedOn());
            if (state != PaymentStatus.EXECUTED) {
                conflict(entry, payment, state, "returned by the bank, " + state + " in the ledger");
            } else if (payment.erroneousAmount().isPositive()) {
                conflict(entry, payment, state, "returned by the bank, but the payment has an erroneous finding");
            } else if (entry.on().isBefore(paidOn)) {
                conflict(entry, payment, state, "returned on " + entry.on() + ", before it was paid on " + paidOn);
            } else {
                returns.add(new ReturnPaymentCommand(payment.paymentId(), entry.on(),
                        "returned by the bank" + (entry.reasonCode() == null ? "" : ": " + entry.reasonCode()), null));
                states.put(payment.paymentId(), PaymentStatus.RETURNED);
                applied++;
            }
        }

        private void settle(BankReport.Entry entry, PaymentView payment, SettlementOutcome outcome, String reason) {
            settlements.computeIfAbsent(entry.on(), day -> new ArrayList<>()).add(new SettlementInstruction(payment.paymentId(), outcome, reason));
            states.put(payment.paymentId(), PaymentStatus.valueOf(outcome.name()));
            applied++;
        }

        private void conflict(BankReport.Entry entry, PaymentView payment, PaymentStatus state, String detail) {
            conflicts.add(new BankReportIssue(entry.endToEndId(), payment.paymentId(), entry.outcome().name(), entry.amount(), state.name(), detail));
        }

        /** Payments whose decisions a rejection or return changes: their decisions' rows are locked first (see DecisionQueries). */
        List<UUID> releasing() {
            var ids = new ArrayList<UUID>();
            settlements.values().forEach(results -> results.stream().filter(result -> result.outcome() == SettlementOutcome.REJECTED)
                                                           .forEach(result -> ids.add(result.paymentId())));
            returns.forEach(command -> ids.add(command.paymentId()));
            return ids;
        }
    }
}
