package se.benefitledger.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The authenticated caller as the ledger sees it, from HTTP Basic or from a JWT. */
public final class CurrentUser {

    private static final Set<String> KNOWN_ROLES = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toUnmodifiableSet());
    /** More than every municipality (290) and every role; a longer claim is not a well-made token. */
    private static final int MAX_CLAIM_VALUES = 300;

    private CurrentUser() {
    }

    public static Optional<LedgerUser> get() {
        return Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication()).flatMap(CurrentUser::of);
    }

    public static LedgerUser require() {
        return get().orElseThrow(() -> new IllegalStateException("no authenticated caller"));
    }

    static Optional<LedgerUser> of(Authentication authentication) {
        if (authentication.getPrincipal() instanceof LedgerUserDetails details) {
            return Optional.of(details.user());
        }
        if (authentication.getPrincipal() instanceof Jwt jwt && authentication.getDetails() instanceof SecurityProperties.Claims claims) {
            return Optional.of(fromJwt(jwt, claims));
        }
        return Optional.empty();
    }

    /**
     * The caller a validated token names. Its role and municipality claims must be a list of strings
     * (or one string of space- or comma-separated values), each a role of the contract or a
     * municipality code (or {@code *}); anything else is refused as an invalid token (401).
     */
    static LedgerUser fromJwt(Jwt jwt, SecurityProperties.Claims claims) {
        List<Role> roles = strings(jwt, claims.roles()).stream().map(role -> {
            if (!KNOWN_ROLES.contains(role)) {
                throw invalid("claim " + claims.roles() + " names an unknown role");
            }
            return Role.valueOf(role);
        }).toList();
        List<String> municipalities = strings(jwt, claims.municipalities());
        if (!municipalities.stream().allMatch(code -> MunicipalityScope.ALL.equals(code) || MunicipalityCode.isValid(code))) {
            throw invalid("claim " + claims.municipalities() + " holds something other than municipality codes or *");
        }
        return new LedgerUser(jwt.getSubject(), roles, MunicipalityScope.of(municipalities));
    }

    private static List<String> strings(Jwt jwt, String name) {
        Object claim = jwt.getClaims().get(name);
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof String value) {
            // split on the separators only: trim() would also drop control characters around a role ("AUDITOR\n")
            return Arrays.stream(value.split("[ ,]+")).filter(each -> !each.isEmpty()).toList();
        }
        if (claim instanceof Collection<?> values && values.size() <= MAX_CLAIM_VALUES && values.stream().allMatch(String.class::isInstance)) {
            return values.stream().map(String.class::cast).toList();
        }
        throw invalid("claim " + name + " must be a list of strings");
    }

    private static InvalidBearerTokenException invalid(String reason) {
        return new InvalidBearerTokenException(reason);
    }
}
