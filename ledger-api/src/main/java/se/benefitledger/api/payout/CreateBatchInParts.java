package se.benefitledger.api.payout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import se.benefitledger.api.bulk.BulkKind;
import se.benefitledger.core.payout.AssignPaymentsToBatchCommand;
import se.benefitledger.core.payout.BatchedPayment;
import se.benefitledger.core.payout.CreatePayoutBatchCommand;
import se.benefitledger.projections.json.LedgerJson;
import se.benefitledger.projections.payment.PaymentQueries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A payout batch created in parts: the payments join the batch part by part, each taking only what
 * is still SCHEDULED and in no batch when its part runs (a payment cancelled, or taken by a racing
 * batch, in between is left out); then the batch is created with the payments that joined.
 */
@Component
class CreateBatchInParts implements BulkKind {

    static final String NAME = "CREATE_PAYOUT_BATCH";
    private final ObjectMapper json = LedgerJson.eventObjectMapper();
    private final PaymentQueries payments;

    CreateBatchInParts(PaymentQueries payments) {
        this.payments = payments;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Object> prepare(Object part) {
        var assign = (AssignPaymentsToBatchCommand) part;
        var schedulable = payments.lockStillSchedulable(assign.paymentIds());
        return schedulable.isEmpty() ? Optional.empty()
                : Optional.of(new AssignPaymentsToBatchCommand(assign.batchId(), assign.municipality(), assign.payoutDate(), schedulable));
    }

    @Override
    public Optional<Object> finish(List<Object> parts, List<JsonNode> results) {
        var first = (AssignPaymentsToBatchCommand) parts.get(0);
        var included = new ArrayList<BatchedPayment>();
        results.stream().filter(Objects::nonNull).forEach(result -> included.addAll(Arrays.asList(read(result))));
        return Optional.of(new CreatePayoutBatchCommand(first.batchId(), first.municipality(), first.payoutDate(), included));
    }

    private BatchedPayment[] read(JsonNode result) {
        try {
            return json.treeToValue(result, BatchedPayment[].class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
