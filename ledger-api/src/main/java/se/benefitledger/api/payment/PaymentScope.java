package se.benefitledger.api.payment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.benefitledger.api.security.ScopedResource;
import se.benefitledger.projections.decision.DecisionQueries;
import se.benefitledger.projections.payment.PaymentQueries;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class PaymentScope {

    /** A command on a payment locks its decision's row before its own (decision first, as everywhere). */
    @Bean
    ScopedResource payments(PaymentQueries payments, DecisionQueries decisions) {
        return new ScopedResource("paymentId", "payment", payments::municipalityOf, paymentId -> {
            decisions.lockDecisionsOfPayments(List.of(paymentId));
            return payments.lockMunicipalityOf(paymentId);
        }, payments::municipalitiesOf);
    }
}
