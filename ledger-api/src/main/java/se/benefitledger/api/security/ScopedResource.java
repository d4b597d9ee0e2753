package se.benefitledger.api.security;

import se.benefitledger.core.shared.MunicipalityCode;

import java.util.Optional;
import java.util.UUID;

/**
 * A kind of object addressed by a path variable (e.g. {@code householdId}) and how to find its
 * municipality. Every feature registers one per object kind; {@link MunicipalityScopeInterceptor}
 * checks them all, in one place.
 */
public record ScopedResource(String pathVariable, String description, Lookup lookup) {

    @FunctionalInterface
    public interface Lookup {
        Optional<MunicipalityCode> municipalityOf(UUID id);
    }
}
