package se.benefitledger.api.payout;

import org.springframework.stereotype.Service;
import se.benefitledger.api.bulk.BulkCommands;
import se.benefitledger.api.problem.NotFoundException;
import se.benefitledger.core.payment.PaymentStatus;
import se.benefitledger.core.payment.ReturnPaymentCommand;
import se.benefitledger.core.payment.ReturnPaymentsCommand;
import se.benefitledger.core.payout.BankReportIssue;
import se.benefitledger.core.payout.RecordBankReportCommand;
import se.benefitledger.core.payout.SettlePayoutBatchCommand;
import se.benefitledger.core.payout.SettlementInstruction;
import se.benefitledger.core.payout.SettlementOutcome;
import se.benefitledger.core.shared.BusinessRuleViolation;
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

    private final BulkCommands bulk;
    private final ApplyBankReportInParts applying;
    private final BankReportReader reader = new BankReportReader();
    private final PaymentQueries payments;
    private final PayoutBatchQueries batches;

    BankReportService(BulkCommands bulk, ApplyBankReportInParts applying, PaymentQueries payments, PayoutBatchQueries batches) {
        this.bulk = bulk;
        this.applying = applying;
        this.payments = payments;
        this.batches = batches;
    }

    /**
     * Decides what the report changes under the batch's row lock, stores that as a bulk command in parts, and runs it:
     * a report answering a whole file of 100,000 payments holds no more than one part's event indexes and heap at a
     * time. A report stopped halfway (503, a crash) is finished by its retry with the same Idempotency-Key, by the
     * service, or by the next report or settlement of the batch, before that one is decided ({@link BulkCommands#start});
     * the same message again then finds it recorded. A report refused by a rule stores nothing.
     */
    public BankReportResult apply(UUID batchId, String xml) {
        BankReport report = reader.read(xml);
        var batch = batches.find(batchId).orElseThrow(() -> new NotFoundException("payout batch", batchId));
        BulkCommands.Started started;
        try {
            started = bulk.start(applying, batchId, batch.municipality(), () -> plan(batchId, report));
        } catch (AlreadyApplied e) {
            return recorded(batchId, report.messageId(), true);
        }
        bulk.run(started.commandId());
        return recorded(batchId, report.messageId(), false);
    }

    private BankReportResult recorded(UUID batchId, String messageId, boolean alreadyApplied) {
        var recorded = batches.bankReport(batchId, messageId).orElseThrow();
        return new BankReportResult(messageId, recorded.applied(), recorded.unmatched(), recorded.conflicts(), alreadyApplied);
    }

    /** The report's commands, in the order they are sent, with the record of the message last. */
    private List<Object> plan(UUID batchId, BankReport report) {
        batches.lock(batchId);
        if (batches.bankReport(batchId, report.messageId()).isPresent()) {
            throw new AlreadyApplied();
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
        var commands = new ArrayList<Object>();
        // a settlement command takes at most one part's payments (a whole file's status settles every payment still waiting)
        plan.settlements.forEach((settledOn, results) -> PayoutBatchService.parts(results)
                .forEach(part -> commands.add(new SettlePayoutBatchCommand(batchId, settledOn, part, null))));
        PayoutBatchService.parts(plan.returns, ReturnPaymentsCommand.MAX_RETURNS).forEach(part -> commands.add(new ReturnPaymentsCommand(part)));
        commands.add(new RecordBankReportCommand(batchId, report.messageId(), plan.applied, plan.unmatched, plan.conflicts));
        return commands;
    }

    /** The message is recorded on the batch: nothing to store or run. */
    private static final class AlreadyApplied extends RuntimeException {
        AlreadyApplied() {
            super(null, null, false, false);
        }
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
    }
}
