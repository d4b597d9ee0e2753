package se.benefitledger.api.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.People;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ledger.security.mode=jwt}: an OAuth2 resource server taking roles and municipalities from the token. */
@LedgerApiTest
class JwtModeTest {

    private static final KeyPair issuerKeys;
    private static final Path publicKey;

    static {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            issuerKeys = generator.generateKeyPair();
            publicKey = Files.createTempFile("issuer", ".pem");
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(issuerKeys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        registry.add("ledger.security.mode", () -> "jwt");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> publicKey.toUri().toString());
    }

    @LocalServerPort
    int port;

    @Test
    void takesRolesAndMunicipalitiesFromTheToken() throws Exception {
        var caseworker = Http.to(port).header("Authorization", "Bearer " + token("jwt-anna", List.of("CASEWORKER"), List.of("0488")));

        var created = caseworker.post("/api/v1/households", Ledger.householdJson("0488", People.adult()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(caseworker.get("/api/v1/households/" + created.json("$.householdId")).status()).isEqualTo(200);
        assertThat(caseworker.post("/api/v1/households", Ledger.householdJson("0180", People.adult())).status())
                .as("municipality outside the token's").isEqualTo(403);

        var reporting = Http.to(port).header("Authorization", "Bearer " + token("jwt-rut", List.of("REPORTING"), List.of("*")));
        assertThat(reporting.get("/api/v1/households/" + created.json("$.householdId")).status()).isEqualTo(403);
    }

    @Test
    void refusesMissingForgedAndBasicCredentials() throws Exception {
        var forgerKeys = KeyPairGenerator.getInstance("RSA");
        forgerKeys.initialize(2048);
        String forged = sign(forgerKeys.generateKeyPair(), "mallory", List.of("AUDITOR"), List.of("*"));

        var response = Http.to(port).header("Authorization", "Bearer " + forged).get("/api/v1/households?personalIdentityNumber=" + People.adult());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).hasValue("application/problem+json");
        assertThat(Http.to(port).get("/api/v1/households?personalIdentityNumber=" + People.adult()).status()).isEqualTo(401);
        assertThat(Http.to(port).as("anna", "secret").get("/api/v1/households?personalIdentityNumber=" + People.adult()).status())
                .as("no HTTP Basic in JWT mode").isEqualTo(401);
    }

    private static String token(String subject, List<String> roles, List<String> municipalities) throws Exception {
        return sign(issuerKeys, subject, roles, municipalities);
    }

    private static String sign(KeyPair keys, String subject, List<String> roles, List<String> municipalities) throws Exception {
        var claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles).claim("municipalities", municipalities)
                                               .expirationTime(new Date(System.currentTimeMillis() + 600_000)).build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }
}
