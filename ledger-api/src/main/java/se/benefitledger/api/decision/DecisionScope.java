package se.benefitledger.api.decision;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.benefitledger.api.security.ScopedResource;
import se.benefitledger.projections.decision.DecisionQueries;

@Configuration(proxyBeanMethods = false)
class DecisionScope {

    @Bean
    ScopedResource decisions(DecisionQueries decisions) {
        return new ScopedResource("decisionId", "decision", decisions::municipalityOf, decisions::lockMunicipalityOf);
    }
}
