package se.benefitledger.api.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.Users;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static se.benefitledger.api.support.Users.ADAM;
import static se.benefitledger.api.support.Users.ALVA;
import static se.benefitledger.api.support.Users.ANNA;
import static se.benefitledger.api.support.Users.FREDRIK;
import static se.benefitledger.api.support.Users.INGRID;
import static se.benefitledger.api.support.Users.RUT;

/**
 * The contract's role table, endpoint by endpoint and role by role, over real HTTP: each role is
 * either let through (any answer but 401/403) or refused with 403. Then every endpoint that names
 * an object is asked for an object of a municipality outside the caller's scope: 404.
 */
@LedgerApiTest
class AccessMatrixTest {

    @LocalServerPort
    int port;
    Ledger ledger;

    /** One endpoint: how to call it for a fresh household in scope, and which of the test users may. */
    record Endpoint(String name, Set<Users> allowed, Function<Ctx, Http.Response> call) {
    }

    record Ctx(Http http, String householdId) {
    }

    @BeforeEach
    void setUp() {
        ledger = new Ledger(port);
    }

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST /households", EnumSet.of(ANNA),
                        ctx -> ctx.http().post("/api/v1/households", Ledger.householdJson("0488", People.adult()))),
                new Endpoint("GET /households/{id}", EnumSet.of(ANNA, INGRID, ALVA),
                        ctx -> ctx.http().get("/api/v1/households/" + ctx.householdId())),
                new Endpoint("GET /households?personalIdentityNumber", EnumSet.of(ANNA, INGRID, ALVA),
                        ctx -> ctx.http().get("/api/v1/households?personalIdentityNumber=" + People.adult())),
                new Endpoint("POST /households/{id}/closure", EnumSet.of(ANNA),
                        ctx -> ctx.http().post("/api/v1/households/" + ctx.householdId() + "/closure",
                                "{\"reason\": \"MOVED\", \"effectiveMonth\": \"2021-12\"}")));
    }

    @Test
    void eachRoleMayUseExactlyTheEndpointsTheContractGivesIt() {
        var mismatches = new ArrayList<String>();
        for (var endpoint : endpoints()) {
            for (var user : EnumSet.of(ANNA, FREDRIK, INGRID, ALVA, RUT, ADAM)) {
                var response = endpoint.call().apply(new Ctx(user.on(port), ledger.household("0488")));
                boolean allowed = endpoint.allowed().contains(user);
                if (allowed && (response.status() == 401 || response.status() == 403)) {
                    mismatches.add(endpoint.name() + " as " + user + ": expected allowed, got " + response);
                }
                if (!allowed && response.status() != 403) {
                    mismatches.add(endpoint.name() + " as " + user + ": expected 403, got " + response);
                }
                if (!allowed) {
                    assertThat(response.header("Content-Type")).hasValue("application/problem+json");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void objectsOfAnotherMunicipalityDoNotExistForTheCaller() {
        String foreign = ledger.household("1280");
        var anna = ANNA.on(port);

        assertThat(anna.get("/api/v1/households/" + foreign).status()).isEqualTo(404);
        assertThat(anna.post("/api/v1/households/" + foreign + "/closure", "{\"reason\": \"MOVED\", \"effectiveMonth\": \"2021-12\"}").status())
                .isEqualTo(404);
        assertThat(INGRID.on(port).get("/api/v1/households/" + foreign).status()).isEqualTo(404);
        assertThat(Users.CARL.on(port).get("/api/v1/households/" + foreign).status()).as("in scope").isEqualTo(200);
        assertThat(ALVA.on(port).get("/api/v1/households/" + foreign).status()).as("auditor sees all").isEqualTo(200);
    }

    @Test
    void creatingInAnotherMunicipalityIsForbidden() {
        var response = ANNA.on(port).post("/api/v1/households", Ledger.householdJson("1280", People.adult()));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.<String>json("$.detail")).contains("1280 is outside your scope");
    }

    @Test
    void lookUpByPersonnummerShowsOnlyHouseholdsInScope() {
        String person = People.adult();
        assertThat(Users.CARL.on(port).post("/api/v1/households", Ledger.householdJson("1280", person)).status()).isEqualTo(201);

        assertThat(ANNA.on(port).get("/api/v1/households?personalIdentityNumber=" + person).<Integer>json("$.total")).isZero();
        assertThat(ALVA.on(port).get("/api/v1/households?personalIdentityNumber=" + person).<Integer>json("$.total")).isEqualTo(1);
    }

    @Test
    void investigatorsAndAuditorsSeeWholePersonnummerOthersMasked() {
        String person = People.adult();
        String id = ANNA.on(port).post("/api/v1/households", Ledger.householdJson("0488", person)).json("$.householdId");

        assertThat(ANNA.on(port).get("/api/v1/households/" + id).<String>json("$.members[0].personalIdentityNumber"))
                .isEqualTo(person.substring(0, 8) + "-****");
        assertThat(INGRID.on(port).get("/api/v1/households/" + id).<String>json("$.members[0].personalIdentityNumber")).isEqualTo(person);
        assertThat(ALVA.on(port).get("/api/v1/households/" + id).<String>json("$.members[0].personalIdentityNumber")).isEqualTo(person);
    }

    @Test
    void withoutCredentialsEverythingButHealthAndApiDocsIs401() {
        var anonymous = Http.to(port);
        assertThat(anonymous.get("/api/v1/households/" + java.util.UUID.randomUUID()).status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
        var wrongPassword = Http.to(port).as("anna", "wrong").get("/api/v1/households/" + java.util.UUID.randomUUID());
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        assertThat(wrongPassword.header("Content-Type")).hasValue("application/problem+json");
    }
}
