package se.benefitledger.api.security;

import se.benefitledger.core.shared.MunicipalityCode;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A kind of object addressed by a path variable (e.g. {@code householdId}) and how to find its
 * municipality. Every feature registers one per object kind; {@link MunicipalityScopeInterceptor}
 * checks them all for ids in paths, and {@link ScopedBodyIds} for ids in request bodies (a field
 * named like the path variable, or a list named like it with an {@code s}), in one place each.
 *
 * @param lock like {@code lookup}, but also locks the object's row for the request's transaction,
 *             so that commands on one object run one after the other, each seeing the last one's
 *             committed events
 * @param bulk like {@code lookup} for many ids at once (a settlement names up to 200,000 payments)
 */
public record ScopedResource(String pathVariable, String description, Lookup lookup, Lookup lock, BulkLookup bulk) {

    /** Looks up many ids one by one. */
    public ScopedResource(String pathVariable, String description, Lookup lookup, Lookup lock) {
        this(pathVariable, description, lookup, lock, ids -> {
            var found = new HashMap<UUID, MunicipalityCode>();
            ids.forEach(id -> lookup.municipalityOf(id).ifPresent(municipality -> found.put(id, municipality)));
            return found;
        });
    }

    @FunctionalInterface
    public interface Lookup {
        Optional<MunicipalityCode> municipalityOf(UUID id);
    }

    @FunctionalInterface
    public interface BulkLookup {
        /** The municipalities of those of the ids that exist. */
        Map<UUID, MunicipalityCode> municipalitiesOf(Collection<UUID> ids);
    }
}
