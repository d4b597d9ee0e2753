package se.benefitledger.core.payout;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.StateConflict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A payout batch (utbetalningsfil) of one municipality: the payments it holds, their control total,
 * and the bank's answer for each. Each payment gets exactly one answer, in one or several calls.
 */
@Revision("1")
public class PayoutBatch {

    @AggregateIdentifier
    private UUID batchId;
    private MunicipalityCode municipality;
    private final Map<UUID, Money> payments = new HashMap<>();
    private final Set<UUID> settled = new HashSet<>();
    private final Set<String> bankReports = new HashSet<>();

    protected PayoutBatch() {
        // for Axon
    }

    /** Called by {@link PayoutHandler} once every payment has accepted the batch. */
    public PayoutBatch(UUID batchId, MunicipalityCode municipality, LocalDate payoutDate, List<BatchedPayment> included) {
        if (included.isEmpty()) {
            throw new BusinessRuleViolation("a payout batch needs at least one payment: no SCHEDULED payment of municipality "
                    + municipality + " due on or before " + payoutDate + " is in no batch");
        }
        Money controlTotal = included.stream().map(BatchedPayment::amount).reduce(Money.ZERO, Money::plus);
        apply(new PayoutBatchCreatedEvent(batchId, municipality, payoutDate, included, controlTotal));
    }

    /** Records the bank's answers; answers the settled payments with their amounts. */
    public List<SettledPayment> recordSettlement(LocalDate settledOn, List<SettlementInstruction> results) {
        if (results.isEmpty()) {
            throw new BusinessRuleViolation("a settlement needs at least one result");
        }
        var seen = new HashSet<UUID>();
        var recorded = new ArrayList<SettledPayment>(results.size());
        for (var result : results) {
            Money amount = payments.get(result.paymentId());
            if (amount == null) {
                throw new BusinessRuleViolation("payment " + result.paymentId() + " is not in payout batch " + batchId);
            }
            if (settled.contains(result.paymentId()) || !seen.add(result.paymentId())) {
                throw new BusinessRuleViolation("payment " + result.paymentId() + " of payout batch " + batchId + " is already settled");
            }
            recorded.add(new SettledPayment(result.paymentId(), result.outcome(), amount, result.reason()));
        }
        apply(new PayoutBatchSettlementRecordedEvent(batchId, municipality, settledOn, recorded));
        if (settled.size() == payments.size()) {
            apply(new PayoutBatchSettledEvent(batchId, municipality, settledOn));
        }
        return recorded;
    }

    /** A bank message is applied once: the same {@code MsgId} again is refused. */
    @CommandHandler
    public void handle(RecordBankReportCommand command) {
        if (bankReports.contains(command.messageId())) {
            throw new StateConflict("bank message " + command.messageId() + " was already applied to payout batch " + batchId);
        }
        apply(new BankReportRecordedEvent(batchId, municipality, command.messageId(), command.applied(), command.unmatched(),
                command.conflicts()));
    }

    @EventSourcingHandler
    void on(BankReportRecordedEvent event) {
        bankReports.add(event.messageId());
    }

    @EventSourcingHandler
    void on(PayoutBatchCreatedEvent event) {
        batchId = event.batchId();
        municipality = event.municipality();
        event.payments().forEach(payment -> payments.put(payment.paymentId(), payment.amount()));
    }

    @EventSourcingHandler
    void on(PayoutBatchSettlementRecordedEvent event) {
        event.results().forEach(result -> settled.add(result.paymentId()));
    }
}
