package se.benefitledger.api.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.People;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ledger.security.mode=jwt}: an OAuth2 resource server taking roles and municipalities from
 * the token. The issuer's keys are a JWK set served by the test on a local port.
 */
@LedgerApiTest
class JwtModeTest {

    private static final String ISSUER = "https://login.example.se/ledger";
    private static final String AUDIENCE = "benefit-ledger";
    private static final String KEY_ID = "issuer-key-1";
    private static final KeyPair issuerKeys = rsaKeys();
    private static final HttpServer jwkSet = serve(new JWKSet(new RSAKey.Builder((RSAPublicKey) issuerKeys.getPublic()).keyID(KEY_ID).build()));

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        registry.add("ledger.security.mode", () -> "jwt");
        registry.add("ledger.security.jwt.issuer", () -> ISSUER);
        registry.add("ledger.security.jwt.audience", () -> AUDIENCE);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://localhost:" + jwkSet.getAddress().getPort() + "/jwks.json");
    }

    @AfterAll
    static void stopJwkSet() {
        jwkSet.stop(0);
    }

    @LocalServerPort
    int port;

    @Test
    void takesRolesAndMunicipalitiesFromTheToken() throws Exception {
        var caseworker = bearer(token("jwt-anna", List.of("CASEWORKER"), List.of("0488")));

        var created = caseworker.post("/api/v1/households", Ledger.householdJson("0488", People.adult()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(caseworker.get("/api/v1/households/" + created.json("$.householdId")).status()).isEqualTo(200);
        assertThat(caseworker.post("/api/v1/households", Ledger.householdJson("0180", People.adult())).status())
                .as("municipality outside the token's").isEqualTo(403);

        var reporting = bearer(token("jwt-rut", List.of("REPORTING"), List.of("*")));
        assertThat(reporting.get("/api/v1/households/" + created.json("$.householdId")).status()).isEqualTo(403);
    }

    @Test
    void refusesMissingForgedAndBasicCredentials() throws Exception {
        String forged = sign(rsaKeys(), claims("mallory", List.of("AUDITOR"), List.of("*")).build());

        var response = bearer(forged).get("/api/v1/households?personalIdentityNumber=" + People.adult());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).hasValue("application/problem+json");
        assertThat(Http.to(port).get("/api/v1/households?personalIdentityNumber=" + People.adult()).status()).isEqualTo(401);
        assertThat(Http.to(port).as("anna", "secret").get("/api/v1/households?personalIdentityNumber=" + People.adult()).status())
                .as("no HTTP Basic in JWT mode").isEqualTo(401);
    }

    @Test
    void refusesTokensWithoutSubjectExpiryIssuerOrAudience() throws Exception {
        Map<String, UnaryOperator<JWTClaimsSet.Builder>> defects = Map.of(
                "no sub", claims -> claims.subject(null),
                "no exp", claims -> claims.expirationTime(null),
                "no iss", claims -> claims.issuer(null),
                "another issuer", claims -> claims.issuer("https://login.example.com/other"),
                "no aud", claims -> claims.audience((String) null),
                "another audience", claims -> claims.audience("another-service"));
        for (var defect : defects.entrySet()) {
            var token = sign(issuerKeys, defect.getValue().apply(claims("jwt-alva", List.of("AUDITOR"), List.of("*"))).build());
            var response = bearer(token).get("/api/v1/reports/monthly-spend?municipality=0488&from=2021-01&to=2021-12");
            assertThat(response.status()).as(defect.getKey()).isEqualTo(401);
            assertThat(response.header("Content-Type")).as(defect.getKey()).hasValue("application/problem+json");
        }
        var sound = sign(issuerKeys, claims("jwt-alva", List.of("AUDITOR"), List.of("*")).build());
        assertThat(bearer(sound).get("/api/v1/reports/monthly-spend?municipality=0488&from=2021-01&to=2021-12").status()).isEqualTo(200);
    }

    @Test
    void refusesMalformedRoleAndMunicipalityClaimsAsUnauthenticated() throws Exception {
        Map<String, UnaryOperator<JWTClaimsSet.Builder>> defects = Map.of(
                "roles a number", claims -> claims.claim("roles", 7),
                "roles an object", claims -> claims.claim("roles", Map.of("role", "AUDITOR")),
                "an unknown role", claims -> claims.claim("roles", List.of("AUDITOR", "SUPERUSER")),
                "a role that is not a string", claims -> claims.claim("roles", List.of(List.of("AUDITOR"))),
                "a role with a line break", claims -> claims.claim("roles", "AUDITOR\n"),
                "a bad municipality code", claims -> claims.claim("municipalities", List.of("0488", "9999")),
                "municipalities a number", claims -> claims.claim("municipalities", 488),
                "a municipality that is not a string", claims -> claims.claim("municipalities", List.of(488)));
        for (var defect : defects.entrySet()) {
            var token = sign(issuerKeys, defect.getValue().apply(claims("jwt-alva", List.of("AUDITOR"), List.of("*"))).build());
            var response = bearer(token).get("/api/v1/reports/monthly-spend?municipality=0488&from=2021-01&to=2021-12");
            assertThat(response.status()).as(defect.getKey()).isEqualTo(401);
            assertThat(response.header("Content-Type")).as(defect.getKey()).hasValue("application/problem+json");
        }
    }

    private Http bearer(String token) {
        return Http.to(port).header("Authorization", "Bearer " + token);
    }

    private static String token(String subject, List<String> roles, List<String> municipalities) throws Exception {
        return sign(issuerKeys, claims(subject, roles, municipalities).build());
    }

    private static JWTClaimsSet.Builder claims(String subject, List<String> roles, List<String> municipalities) {
        return new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience(AUDIENCE)
                                         .claim("roles", roles).claim("municipalities", municipalities)
                                         .expirationTime(new Date(System.currentTimeMillis() + 600_000));
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims);
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsaKeys() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(JWKSet keys) {
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            byte[] body = keys.toString(true).getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
