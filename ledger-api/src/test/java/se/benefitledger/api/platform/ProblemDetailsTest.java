package se.benefitledger.api.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.Users;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error status of the contract answers application/problem+json, with nothing internal in it. (503: DatabaseOutageTest.) */
@LedgerApiTest
class ProblemDetailsTest {

    @LocalServerPort
    int port;

    @Test
    void badRequest() {
        assertProblem(Users.ANNA.on(port).post("/api/v1/households", "{\"municipality\": \"0488\", \"members\": 7}"), 400);
        assertProblem(Users.ANNA.on(port).get("/api/v1/households/not-a-uuid"), 400);
        assertProblem(Users.ANNA.on(port).get("/api/v1/households?personalIdentityNumber=123"), 400);
    }

    @Test
    void unauthorized() {
        assertProblem(Http.to(port).get("/api/v1/households/" + UUID.randomUUID()), 401);
    }

    @Test
    void forbidden() {
        assertProblem(Users.RUT.on(port).get("/api/v1/households/" + UUID.randomUUID()), 403);
        assertProblem(Users.ANNA.on(port).post("/api/v1/households", Ledger.householdJson("1280", People.adult())), 403);
    }

    @Test
    void notFound() {
        assertProblem(Users.ANNA.on(port).get("/api/v1/households/" + UUID.randomUUID()), 404);
    }

    @Test
    void conflict() {
        String household = new Ledger(port).household("0488");
        String closure = "{\"reason\": \"MOVED\", \"effectiveMonth\": \"2021-12\"}";
        assertThat(Users.ANNA.on(port).post("/api/v1/households/" + household + "/closure", closure).status()).isEqualTo(200);
        assertProblem(Users.ANNA.on(port).post("/api/v1/households/" + household + "/closure", closure), 409);
    }

    @Test
    void preconditionFailedWhenIfMatchIsStale() {
        String household = new Ledger(port).household("0488");
        String etag = Users.ANNA.on(port).get("/api/v1/households/" + household).header("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"0\"");

        var stale = Users.ANNA.on(port).header("If-Match", "\"7\"")
                              .post("/api/v1/households/" + household + "/closure", "{\"reason\": \"MOVED\", \"effectiveMonth\": \"2021-12\"}");
        assertProblem(stale, 412);
        assertThat(Users.ANNA.on(port).get("/api/v1/households/" + household).<String>json("$.status")).isEqualTo("ACTIVE");

        var current = Users.ANNA.on(port).header("If-Match", etag)
                               .post("/api/v1/households/" + household + "/closure", "{\"reason\": \"MOVED\", \"effectiveMonth\": \"2021-12\"}");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.header("ETag")).hasValue("\"1\"");
    }

    @Test
    void unprocessableWhenAnIdempotencyKeyIsReused() {
        var anna = Users.ANNA.on(port).header("Idempotency-Key", UUID.randomUUID().toString());
        anna.post("/api/v1/households", Ledger.householdJson("0488", People.adult()));
        assertProblem(anna.post("/api/v1/households", Ledger.householdJson("0488", People.adult())), 422);
    }

    static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).hasValue("application/problem+json");
        assertThat(response.<Integer>json("$.status")).isEqualTo(status);
        assertThat(response.<String>json("$.type")).startsWith("https://");
        assertThat(response.<String>json("$.title")).isNotBlank();
        assertThat(response.<String>json("$.detail")).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("SELECT").doesNotContain("INSERT");
    }
}
