package se.benefitledger.api.payout;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.benefitledger.api.security.ScopedResource;
import se.benefitledger.projections.payout.PayoutBatchQueries;

@Configuration(proxyBeanMethods = false)
class PayoutBatchScope {

    @Bean
    ScopedResource payoutBatches(PayoutBatchQueries batches) {
        // not locked for a POST: creation and settlement commit in parts, in transactions of their own
        // (BulkCommands) that write the batch's row, and must not wait for the request's transaction
        return new ScopedResource("batchId", "payout batch", batches::municipalityOf, batches::municipalityOf);
    }
}
