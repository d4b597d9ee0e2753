package se.benefitledger.api.security;

import se.benefitledger.core.shared.MunicipalityCode;

import java.util.Optional;
import java.util.UUID;

/**
 * A kind of object addressed by a path variable (e.g. {@code householdId}) and how to find its
 * municipality. Every feature registers one per object kind; {@link MunicipalityScopeInterceptor}
 * checks them all, in one place.
 *
 * @param lock like {@code lookup}, but also locks the object's row for the request's transaction,
 *             so that commands on one object run one after the other, each seeing the last one's
 *             committed events
 */
public record ScopedResource(String pathVariable, String description, Lookup lookup, Lookup lock) {

    @FunctionalInterface
    public interface Lookup {
        Optional<MunicipalityCode> municipalityOf(UUID id);
    }
}
