package se.benefitledger.api.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * In jwt mode a token is accepted only when it names its subject ({@code sub}), expires
 * ({@code exp}), comes from the configured issuer ({@code iss}) and is meant for this service
 * ({@code aud}). Spring Boot adds this validator to its JWT decoder's own (signature, time window).
 * The service does not start in jwt mode without an issuer and an audience.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.security.mode", havingValue = "jwt")
class JwtRequirements {

    @Bean
    OAuth2TokenValidator<Jwt> ledgerTokenRequirements(SecurityProperties properties,
                                                      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuerUri) {
        String issuer = properties.jwt().issuer() != null && !properties.jwt().issuer().isBlank() ? properties.jwt().issuer() : issuerUri;
        String audience = properties.jwt().audience();
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("ledger.security.mode=jwt needs ledger.security.jwt.issuer "
                    + "(or spring.security.oauth2.resourceserver.jwt.issuer-uri): the issuer every token must name");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException("ledger.security.mode=jwt needs ledger.security.jwt.audience: the audience every token must name");
        }
        return jwt -> {
            if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
                return refused("the token has no subject (sub)");
            }
            if (jwt.getExpiresAt() == null) {
                return refused("the token does not expire (exp)");
            }
            if (!issuer.equals(jwt.getClaimAsString("iss"))) {
                return refused("the token is not from the configured issuer (iss)");
            }
            if (jwt.getAudience() == null || !jwt.getAudience().contains(audience)) {
                return refused("the token is not meant for this service (aud)");
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    private static OAuth2TokenValidatorResult refused(String reason) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, reason, null));
    }
}
