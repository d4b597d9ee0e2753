package se.benefitledger.api.payout;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.benefitledger.api.security.ScopedResource;
import se.benefitledger.projections.payout.PayoutBatchQueries;

@Configuration(proxyBeanMethods = false)
class PayoutBatchScope {

    @Bean
    ScopedResource payoutBatches(PayoutBatchQueries batches) {
        return new ScopedResource("batchId", "payout batch", batches::municipalityOf, batches::lockMunicipalityOf);
    }
}
