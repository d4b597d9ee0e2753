package se.benefitledger.api.payment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.benefitledger.api.security.ScopedResource;
import se.benefitledger.projections.payment.PaymentQueries;

@Configuration(proxyBeanMethods = false)
class PaymentScope {

    @Bean
    ScopedResource payments(PaymentQueries payments) {
        return new ScopedResource("paymentId", "payment", payments::municipalityOf, payments::lockMunicipalityOf);
    }
}
