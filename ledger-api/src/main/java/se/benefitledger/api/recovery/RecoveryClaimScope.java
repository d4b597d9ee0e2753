package se.benefitledger.api.recovery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.benefitledger.api.security.ScopedResource;
import se.benefitledger.projections.recovery.RecoveryClaimQueries;

@Configuration(proxyBeanMethods = false)
class RecoveryClaimScope {

    @Bean
    ScopedResource recoveryClaims(RecoveryClaimQueries claims) {
        return new ScopedResource("claimId", "recovery claim", claims::municipalityOf, claims::lockMunicipalityOf);
    }
}
