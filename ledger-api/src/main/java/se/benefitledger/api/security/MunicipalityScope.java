package se.benefitledger.api.security;

import se.benefitledger.core.shared.MunicipalityCode;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** The municipalities a user may act in: a list of codes, or {@code *} for all. */
public record MunicipalityScope(boolean all, Set<MunicipalityCode> municipalities) {

    public static final String ALL = "*";

    public MunicipalityScope {
        municipalities = Set.copyOf(municipalities);
    }

    /** Reads configuration or token claims: {@code *} means all; every other entry must be a municipality code. */
    public static MunicipalityScope of(Collection<String> entries) {
        if (entries.contains(ALL)) {
            return new MunicipalityScope(true, Set.of());
        }
        return new MunicipalityScope(false, entries.stream().map(MunicipalityCode::of).collect(Collectors.toSet()));
    }

    public boolean includes(MunicipalityCode municipality) {
        return all || municipalities.contains(municipality);
    }
}
