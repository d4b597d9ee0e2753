package se.benefitledger.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code ledger.security.*}: HTTP Basic users from configuration ({@code mode=basic}, the
 * default), or an OAuth2 resource server taking roles and municipalities from JWT claims
 * ({@code mode=jwt}; issuer or JWK set under {@code spring.security.oauth2.resourceserver.jwt}).
 */
@ConfigurationProperties("ledger.security")
public record SecurityProperties(Mode mode, Map<String, User> users, Claims claims, Jwt jwt, CredentialCache credentialCache) {

    public SecurityProperties {
        mode = mode == null ? Mode.BASIC : mode;
        users = users == null ? Map.of() : Map.copyOf(users);
        claims = claims == null ? new Claims(null, null) : claims;
        jwt = jwt == null ? new Jwt(null, null) : jwt;
        credentialCache = credentialCache == null ? new CredentialCache(null, null) : credentialCache;
    }

    public enum Mode { BASIC, JWT }

    /**
     * @param password       in Spring Security's {@code {id}} form: {@code {bcrypt}…}, or {@code {noop}…} for tests
     * @param roles          the contract's roles
     * @param municipalities municipality codes, or {@code *} for all
     */
    public record User(String password, List<Role> roles, List<String> municipalities) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
            municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
        }
    }

    /**
     * What a token must say about itself (jwt mode; both required).
     *
     * @param issuer   the {@code iss} every token must carry; defaults to
     *                 {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
     * @param audience a value the token's {@code aud} must contain
     */
    public record Jwt(String issuer, String audience) {
    }

    /**
     * How long HTTP Basic trusts credentials that matched their hash before hashing them again.
     *
     * @param ttl     how long a successful check is remembered (default 5 minutes; zero turns it off)
     * @param maxSize how many verified credentials are remembered at most (default 10,000; zero turns it off)
     */
    public record CredentialCache(Duration ttl, Integer maxSize) {
        public CredentialCache {
            ttl = ttl == null ? Duration.ofMinutes(5) : ttl;
            maxSize = ttl.isZero() ? 0 : maxSize == null ? 10_000 : maxSize;
        }
    }

    /** Names of the JWT claims holding the roles and the municipalities. */
    public record Claims(String roles, String municipalities) {
        public Claims {
            roles = roles == null ? "roles" : roles;
            municipalities = municipalities == null ? "municipalities" : municipalities;
        }
    }
}
