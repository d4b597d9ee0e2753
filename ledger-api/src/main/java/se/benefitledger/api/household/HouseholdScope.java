package se.benefitledger.api.household;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.benefitledger.api.security.ScopedResource;
import se.benefitledger.projections.household.HouseholdQueries;

@Configuration(proxyBeanMethods = false)
class HouseholdScope {

    @Bean
    ScopedResource households(HouseholdQueries households) {
        return new ScopedResource("householdId", "household", households::municipalityOf, households::lockMunicipalityOf);
    }
}
