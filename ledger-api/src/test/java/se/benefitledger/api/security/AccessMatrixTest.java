package se.benefitledger.api.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.Users;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static se.benefitledger.api.support.Users.ADAM;
import static se.benefitledger.api.support.Users.ALVA;
import static se.benefitledger.api.support.Users.ANNA;
import static se.benefitledger.api.support.Users.CARL;
import static se.benefitledger.api.support.Users.FIA;
import static se.benefitledger.api.support.Users.FREDRIK;
import static se.benefitledger.api.support.Users.INGRID;
import static se.benefitledger.api.support.Users.ISAK;
import static se.benefitledger.api.support.Users.RUT;
import static se.benefitledger.api.support.Users.STINA;

/**
 * The contract's role table, endpoint by endpoint and role by role, over real HTTP: each role is
 * either let through (any answer but 401/403) or refused with 403. Then every endpoint that names
 * an object is asked, by a user of an allowed role, for an object of a municipality outside that
 * user's scope: 404.
 */
@LedgerApiTest
class AccessMatrixTest {

    /** One user per role, all scoped to 0488 (and 0180) or everywhere. */
    private static final Set<Users> ONE_PER_ROLE = EnumSet.of(ANNA, FREDRIK, INGRID, ALVA, RUT, ADAM, STINA);
    /** Users of the same roles, scoped to 1280 only. */
    private static final Map<Users, Users> SAME_ROLE_ELSEWHERE = Map.of(ANNA, CARL, FREDRIK, FIA, INGRID, ISAK);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Ledger ledger;

    /** Objects in 0488, created fresh for each call that is let through. */
    interface Objects {
        String household();

        String decision();

        String scheduledPayment();

        String executedPayment();

        String batch();

        String claim();
    }

    /**
     * @param objectKind the kind of object named in the path, null for endpoints that name none
     */
    record Endpoint(String name, Set<Users> allowed, String objectKind, BiFunction<Http, Objects, Http.Response> call) {
    }

    @BeforeEach
    void setUp() {
        ledger = new Ledger(port);
    }

    List<Endpoint> endpoints() {
        String closure = "{\"reason\": \"MOVED\", \"effectiveMonth\": \"2021-12\"}";
        return List.of(
                new Endpoint("POST /households", EnumSet.of(ANNA), null,
                        (http, o) -> http.post("/api/v1/households", Ledger.householdJson("0488", People.adult()))),
                new Endpoint("GET /households/{id}", EnumSet.of(ANNA, INGRID, ALVA), "household",
                        (http, o) -> http.get("/api/v1/households/" + o.household())),
                new Endpoint("GET /households?personalIdentityNumber", EnumSet.of(ANNA, INGRID, ALVA), null,
                        (http, o) -> http.get("/api/v1/households?personalIdentityNumber=" + People.adult())),
                new Endpoint("POST /households/{id}/members", EnumSet.of(ANNA), "household",
                        (http, o) -> http.post("/api/v1/households/" + o.household() + "/members", """
                                {"personalIdentityNumber": "%s", "role": "CHILD", "fromMonth": "2021-03"}""".formatted(People.child()))),
                new Endpoint("POST /households/{id}/members/{personId}/departure", EnumSet.of(ANNA), "household",
                        (http, o) -> http.post("/api/v1/households/" + o.household() + "/members/" + UUID.randomUUID() + "/departure",
                                "{\"month\": \"2021-07\"}")),
                new Endpoint("POST /households/{id}/closure", EnumSet.of(ANNA), "household",
                        (http, o) -> http.post("/api/v1/households/" + o.household() + "/closure", closure)),
                new Endpoint("GET /households/{id}/history", EnumSet.of(INGRID, ALVA), "household",
                        (http, o) -> http.get("/api/v1/households/" + o.household() + "/history")),
                new Endpoint("POST /decisions", EnumSet.of(ANNA), "household-in-body",
                        (http, o) -> http.post("/api/v1/decisions", """
                                {"householdId": "%s", "benefitMonth": "2021-03", "outcome": "GRANTED", "legalBasis": "SOL_2025_12_1",
                                 "lines": [{"type": "NORM", "amount": "100.00"}]}""".formatted(o.household()))),
                new Endpoint("GET /decisions/{id}", EnumSet.of(ANNA, FREDRIK, INGRID, ALVA), "decision",
                        (http, o) -> http.get("/api/v1/decisions/" + o.decision())),
                new Endpoint("POST /decisions/{id}/revocation", EnumSet.of(ANNA), "decision",
                        (http, o) -> http.post("/api/v1/decisions/" + o.decision() + "/revocation", "{\"reason\": \"wrong\"}")),
                new Endpoint("POST /decisions/{id}/payments", EnumSet.of(ANNA), "decision",
                        (http, o) -> http.post("/api/v1/decisions/" + o.decision() + "/payments", Ledger.paymentJson("10.00", "2030-01-01"))),
                new Endpoint("GET /payments/{id}", EnumSet.of(ANNA, FREDRIK, INGRID, ALVA), "payment",
                        (http, o) -> http.get("/api/v1/payments/" + o.scheduledPayment())),
                new Endpoint("POST /payments/{id}/cancellation", EnumSet.of(ANNA), "payment",
                        (http, o) -> http.post("/api/v1/payments/" + o.scheduledPayment() + "/cancellation", "{\"reason\": \"x\"}")),
                new Endpoint("POST /payments/{id}/return", EnumSet.of(FREDRIK), "payment",
                        (http, o) -> http.post("/api/v1/payments/" + o.executedPayment() + "/return", "{\"returnedOn\": \"2021-03-01\", \"reason\": \"x\"}")),
                new Endpoint("POST /payments/{id}/erroneous", EnumSet.of(INGRID), "payment",
                        (http, o) -> http.post("/api/v1/payments/" + o.executedPayment() + "/erroneous", "{\"amount\": \"1.00\", \"cause\": \"SUSPECTED_FRAUD\"}")),
                new Endpoint("POST /payout-batches", EnumSet.of(FREDRIK), null,
                        (http, o) -> http.post("/api/v1/payout-batches", "{\"municipality\": \"0488\", \"payoutDate\": \"2021-02-25\"}")),
                new Endpoint("GET /payout-batches/{id}", EnumSet.of(FREDRIK, ALVA), "batch",
                        (http, o) -> http.get("/api/v1/payout-batches/" + o.batch())),
                new Endpoint("GET /payout-batches/{id}/payments", EnumSet.of(FREDRIK, ALVA), "batch",
                        (http, o) -> http.get("/api/v1/payout-batches/" + o.batch() + "/payments")),
                new Endpoint("POST /payout-batches/{id}/settlement", EnumSet.of(FREDRIK), "batch",
                        (http, o) -> http.post("/api/v1/payout-batches/" + o.batch() + "/settlement",
                                "{\"settledOn\": \"2021-02-25\", \"results\": [{\"paymentId\": \"" + UUID.randomUUID() + "\", \"status\": \"EXECUTED\"}]}")),
                new Endpoint("POST /recovery-claims", EnumSet.of(INGRID), "household-in-body",
                        (http, o) -> http.post("/api/v1/recovery-claims", """
                                {"householdId": "%s", "paymentIds": ["%s"], "principal": "1.00", "ground": "OTHER", "decidedOn": "2021-06-10"}"""
                                .formatted(o.household(), UUID.randomUUID()))),
                new Endpoint("GET /recovery-claims/{id}", EnumSet.of(INGRID, FREDRIK, ALVA), "claim",
                        (http, o) -> http.get("/api/v1/recovery-claims/" + o.claim())),
                new Endpoint("POST /recovery-claims/{id}/repayments", EnumSet.of(FREDRIK), "claim",
                        (http, o) -> http.post("/api/v1/recovery-claims/" + o.claim() + "/repayments", "{\"amount\": \"1.00\", \"receivedOn\": \"2021-07-01\"}")),
                new Endpoint("POST /recovery-claims/{id}/waivers", EnumSet.of(INGRID), "claim",
                        (http, o) -> http.post("/api/v1/recovery-claims/" + o.claim() + "/waivers", "{\"amount\": \"1.00\", \"reason\": \"x\"}")),
                new Endpoint("POST /recovery-claims/{id}/write-offs", EnumSet.of(FREDRIK), "claim",
                        (http, o) -> http.post("/api/v1/recovery-claims/" + o.claim() + "/write-offs", "{\"amount\": \"1.00\", \"reason\": \"x\"}")),
                new Endpoint("GET /reports/monthly-spend", EnumSet.of(FREDRIK, INGRID, ALVA, RUT), null,
                        (http, o) -> http.get("/api/v1/reports/monthly-spend?municipality=0488&from=2021-01&to=2021-12")),
                new Endpoint("GET /reports/duration-buckets", EnumSet.of(FREDRIK, INGRID, ALVA, RUT), null,
                        (http, o) -> http.get("/api/v1/reports/duration-buckets?municipality=0488&year=2021")),
                new Endpoint("GET /reports/recovery-balances", EnumSet.of(FREDRIK, INGRID, ALVA, RUT), null,
                        (http, o) -> http.get("/api/v1/reports/recovery-balances?municipality=0488")),
                new Endpoint("GET /reports/reconciliation", EnumSet.of(FREDRIK, INGRID, ALVA, RUT), null,
                        (http, o) -> http.get("/api/v1/reports/reconciliation?municipality=0488&from=2021-01-01&to=2021-12-31")),
                new Endpoint("GET /reports/consecutive-months", EnumSet.of(ANNA, FREDRIK, INGRID, ALVA, RUT), null,
                        (http, o) -> http.get("/api/v1/reports/consecutive-months?municipality=0488&month=2021-10&min=3")),
                new Endpoint("GET /reports/kpi", EnumSet.of(FREDRIK, INGRID, ALVA, RUT), null,
                        (http, o) -> http.get("/api/v1/reports/kpi?municipality=0488&year=2021")),
                new Endpoint("GET /exports/socialstyrelsen", EnumSet.of(STINA), null,
                        (http, o) -> http.get("/api/v1/exports/socialstyrelsen?municipality=0488&month=2021-03")),
                new Endpoint("GET /admin/projections", EnumSet.of(ADAM), null,
                        (http, o) -> http.get("/api/v1/admin/projections")),
                new Endpoint("POST /admin/projections/{name}/rebuild", EnumSet.of(ADAM), null,
                        (http, o) -> http.post("/api/v1/admin/projections/no-such-projection/rebuild", "")),
                new Endpoint("GET /audit/access-log", EnumSet.of(ALVA), null,
                        (http, o) -> http.get("/api/v1/audit/access-log?actor=anna")),
                new Endpoint("POST /admin/erasures", EnumSet.of(ADAM), null,
                        (http, o) -> http.post("/api/v1/admin/erasures", "{\"personId\": \"" + UUID.randomUUID() + "\", \"reason\": \"test\"}")),
                new Endpoint("GET /admin/erasures/due", EnumSet.of(ADAM), null,
                        (http, o) -> http.get("/api/v1/admin/erasures/due?asOf=2021-01-01")),
                new Endpoint("GET /admin/integrity", EnumSet.of(ADAM, ALVA), null,
                        (http, o) -> http.get("/api/v1/admin/integrity")),
                new Endpoint("POST /admin/pii-keys/rotation", EnumSet.of(ADAM), null,
                        (http, o) -> http.post("/api/v1/admin/pii-keys/rotation", "")));
    }

    @Test
    void eachRoleMayUseExactlyTheEndpointsTheContractGivesIt() {
        var mismatches = new ArrayList<String>();
        for (var endpoint : endpoints()) {
            for (var user : ONE_PER_ROLE) {
                boolean allowed = endpoint.allowed().contains(user);
                var response = endpoint.call().apply(user.on(port), allowed ? new Fresh("0488") : new Unknown());
                if (allowed && (response.status() == 401 || response.status() == 403)) {
                    mismatches.add(endpoint.name() + " as " + user + ": expected allowed, got " + response);
                }
                if (!allowed && (response.status() != 403 || !response.header("Content-Type").orElse("").equals("application/problem+json"))) {
                    mismatches.add(endpoint.name() + " as " + user + ": expected a 403 problem, got " + response);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void objectsOfAnotherMunicipalityDoNotExistForTheCaller() {
        var mismatches = new ArrayList<String>();
        for (var endpoint : endpoints()) {
            if (endpoint.objectKind() == null) {
                continue;
            }
            var objects = new Fresh("0488");
            for (var user : endpoint.allowed()) {
                Users elsewhere = SAME_ROLE_ELSEWHERE.get(user);
                if (elsewhere == null) {
                    continue;
                }
                var response = endpoint.call().apply(elsewhere.on(port), objects);
                if (response.status() != 404) {
                    mismatches.add(endpoint.name() + " as " + elsewhere + " (1280 only): expected 404, got " + response);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void creatingOrReportingInAnotherMunicipalityIsForbidden() {
        var household = ANNA.on(port).post("/api/v1/households", Ledger.householdJson("1280", People.adult()));
        assertThat(household.status()).isEqualTo(403);
        assertThat(household.<String>json("$.detail")).contains("1280 is outside your scope");
        assertThat(FREDRIK.on(port).post("/api/v1/payout-batches", "{\"municipality\": \"1280\", \"payoutDate\": \"2021-02-25\"}").status())
                .isEqualTo(403);
        assertThat(FREDRIK.on(port).get("/api/v1/reports/monthly-spend?municipality=1280&from=2021-01&to=2021-12").status()).isEqualTo(403);
    }

    @Test
    void lookUpByPersonnummerShowsOnlyHouseholdsInScope() {
        String person = People.adult();
        assertThat(CARL.on(port).post("/api/v1/households", Ledger.householdJson("1280", person)).status()).isEqualTo(201);

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

        String personId = ANNA.on(port).get("/api/v1/households/" + id).json("$.members[0].personId");
        assertThat(jdbc.sql("SELECT actor || ' ' || role || ' ' || purpose FROM pii_access_log WHERE person_id = ? ORDER BY id")
                       .param(UUID.fromString(personId)).query(String.class).list())
                .as("every unmasked read is logged, masked ones are not")
                .containsExactly("ingrid INVESTIGATOR SHOWN_UNMASKED", "alva AUDITOR SHOWN_UNMASKED");
    }

    @Test
    void withoutCredentialsEverythingButApiDocsIs401() {
        var anonymous = Http.to(port);
        assertThat(anonymous.get("/api/v1/households/" + UUID.randomUUID()).status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/prometheus").status()).as("management endpoints are on the management port").isEqualTo(401);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
        var wrongPassword = Http.to(port).as("anna", "wrong").get("/api/v1/households/" + UUID.randomUUID());
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        assertThat(wrongPassword.header("Content-Type")).hasValue("application/problem+json");
    }

    /** Objects that do not exist: refused calls must be refused before anything is looked up. */
    private static final class Unknown implements Objects {
        private final String id = UUID.randomUUID().toString();

        public String household() { return id; }

        public String decision() { return id; }

        public String scheduledPayment() { return id; }

        public String executedPayment() { return id; }

        public String batch() { return id; }

        public String claim() { return id; }
    }

    /** Fresh objects of one municipality, made on first use through the API by users allowed everywhere. */
    private final class Fresh implements Objects {
        private final String municipality;
        private final Map<String, String> made = new java.util.HashMap<>();

        Fresh(String municipality) {
            this.municipality = municipality;
        }

        public String household() {
            return once("household", () -> ledger.household(municipality));
        }

        public String decision() {
            return once("decision", () -> ledger.decision(household(), "2021-03", "10000.00"));
        }

        public String scheduledPayment() {
            return once("scheduled", () -> ledger.payment(decision(), "100.00", "2030-01-01"));
        }

        public String executedPayment() {
            return once("executed", () -> executed().paymentId());
        }

        public String batch() {
            return once("batch", () -> {
                ledger.payment(decision(), "100.00", "2021-02-25");
                return ledger.batch(municipality, "2021-02-25").json("$.batchId");
            });
        }

        public String claim() {
            return once("claim", () -> {
                var paid = executed();
                Users.INES.on(port).post("/api/v1/payments/" + paid.paymentId() + "/erroneous", "{\"amount\": \"50.00\", \"cause\": \"SUSPECTED_FRAUD\"}");
                return Users.INES.on(port).post("/api/v1/recovery-claims", """
                        {"householdId": "%s", "paymentIds": ["%s"], "principal": "50.00", "ground": "OTHER", "decidedOn": "2021-06-10"}"""
                        .formatted(paid.householdId(), paid.paymentId())).json("$.claimId");
            });
        }

        /** Computed outside the map: making one object may make others first. */
        private String once(String kind, java.util.function.Supplier<String> make) {
            String existing = made.get(kind);
            if (existing == null) {
                existing = make.get();
                made.put(kind, existing);
            }
            return existing;
        }

        private Ledger.Executed executed() {
            String household = household();
            String payment = ledger.payment(ledger.decision(household, "2021-03", "100.00"), "100.00", "2021-02-25");
            String batch = ledger.batch(municipality, "2021-02-25").json("$.batchId");
            ledger.settle(batch, "2021-02-25", payment, "EXECUTED");
            return new Ledger.Executed(municipality, household, payment);
        }
    }
}
