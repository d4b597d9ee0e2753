package se.benefitledger.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The authenticated caller as the ledger sees it, from HTTP Basic or from a JWT. */
public final class CurrentUser {

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

    static LedgerUser fromJwt(Jwt jwt, SecurityProperties.Claims claims) {
        List<Role> roles = strings(jwt.getClaim(claims.roles())).stream()
                .filter(role -> java.util.Arrays.stream(Role.values()).anyMatch(known -> known.name().equals(role)))
                .map(Role::valueOf)
                .toList();
        return new LedgerUser(jwt.getSubject(), roles, MunicipalityScope.of(strings(jwt.getClaim(claims.municipalities()))));
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String value) {
            return List.of(value.split("[ ,]+"));
        }
        return List.of();
    }
}
