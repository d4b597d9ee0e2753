package se.benefitledger.api.household;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.Users;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@LedgerApiTest
class HouseholdApiTest {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void setUp() {
        http = Users.ANNA.on(port);
    }

    @Test
    void registersAHouseholdAndShowsItWithMaskedPersonnummer() {
        String applicant = People.personnummer(java.time.LocalDate.of(1981, 12, 18));
        var created = register("0488", applicant, People.child());

        assertThat(created.status()).isEqualTo(201);
        String id = created.json("$.householdId");
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/households/" + id));
        assertThat(created.<String>json("$.municipality")).isEqualTo("0488");
        assertThat(created.<String>json("$.status")).isEqualTo("ACTIVE");
        assertThat(created.<Integer>json("$.version")).isZero();
        assertThat(created.<String>json("$.members[0].role")).isEqualTo("APPLICANT");
        assertThat(created.<String>json("$.members[0].birthDate")).isEqualTo("1981-12-18");
        assertThat(created.<String>json("$.members[0].personalIdentityNumber")).isEqualTo("19811218-****");
        assertThat(created.body()).doesNotContain(applicant).doesNotContain(applicant.substring(2));

        var fetched = http.get("/api/v1/households/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.header("ETag")).hasValue("\"0\"");
        assertThat(fetched.<String>json("$.householdId")).isEqualTo(id);
        assertThat(fetched.<List<?>>json("$.members")).hasSize(2);
    }

    @Test
    void findsHouseholdsByPersonnummerInAnyAcceptedForm() {
        String applicant = People.adult();
        String id = register("0180", applicant).json("$.householdId");
        String tenDigitsWithDash = applicant.substring(2, 8) + "-" + applicant.substring(8);

        var found = http.get("/api/v1/households?personalIdentityNumber=" + tenDigitsWithDash);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.<List<String>>json("$.items[*].householdId")).containsExactly(id);
        assertThat(found.<Integer>json("$.total")).isEqualTo(1);
        assertThat(http.get("/api/v1/households?personalIdentityNumber=" + People.adult()).<Integer>json("$.total")).isZero();
    }

    @Test
    void refusesASecondActiveHouseholdForAPersonInTheSameMunicipality() {
        String applicant = People.adult();
        assertThat(register("0488", applicant).status()).isEqualTo(201);

        var second = register("0488", People.adult(), applicant);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.header("Content-Type")).hasValue("application/problem+json");
        assertThat(second.<String>json("$.detail")).contains("members[1] is already a member of another ACTIVE household in municipality 0488");
        assertThat(register("0180", applicant).status()).as("another municipality").isEqualTo(201);
    }

    @Test
    void allowsANewHouseholdOnceTheFormerIsClosed() {
        String applicant = People.adult();
        String id = register("0488", applicant).json("$.householdId");

        var closed = http.post("/api/v1/households/" + id + "/closure", """
                {"reason": "MOVED", "effectiveMonth": "2021-12"}""");

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.<String>json("$.status")).isEqualTo("CLOSED");
        assertThat(closed.<Integer>json("$.version")).isEqualTo(1);
        assertThat(closed.<String>json("$.closure.effectiveMonth")).isEqualTo("2021-12");
        assertThat(register("0488", applicant).status()).isEqualTo(201);
        var again = http.post("/api/v1/households/" + id + "/closure", """
                {"reason": "OTHER", "effectiveMonth": "2022-01"}""");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.<String>json("$.detail")).contains("is CLOSED; only an ACTIVE household can close it");
    }

    @Test
    void answersNotFoundForAnUnknownHousehold() {
        var response = http.get("/api/v1/households/" + java.util.UUID.randomUUID());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void rejectsInvalidRegistrationsWithTheFieldAtFault() {
        String badLuhn = People.adult();
        badLuhn = badLuhn.substring(0, 11) + ((badLuhn.charAt(11) - '0' + 1) % 10);
        Map<String, String> cases = Map.of(
                body("0488", badLuhn), "members[0].personalIdentityNumber",
                body("0100", People.adult()), "municipality",
                """
                {"municipality": "0488", "members": [{"personalIdentityNumber": "%s", "role": "CHILD"}]}""".formatted(People.child()), "members",
                """
                {"municipality": "0488", "members": [], "extra": 1}""", "extra",
                """
                {"municipality": "0488", "members": []}""", "members",
                """
                {"municipality": "0488", "members": [{"personalIdentityNumber": "%s", "role": "LODGER"}]}""".formatted(People.adult()), "members[0].role");
        cases.forEach((json, field) -> {
            var response = http.post("/api/v1/households", json);
            assertThat(response.status()).as(json).isEqualTo(400);
            assertThat(response.header("Content-Type")).hasValue("application/problem+json");
            assertThat(response.<List<String>>json("$.errors[*].field")).as(json).contains(field);
        });
        String submitted = badLuhn;
        var response = http.post("/api/v1/households", body("0488", badLuhn));
        assertThat(response.body()).doesNotContain(submitted).doesNotContain(submitted.substring(2));
        assertThat(response.<String>json("$.errors[0].message")).contains("check digit");
    }

    @Test
    void rejectsMalformedJson() {
        var response = http.post("/api/v1/households", "{\"municipality\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.<String>json("$.detail")).isEqualTo("The request body is not valid JSON");
    }

    private Http.Response register(String municipality, String applicant, String... others) {
        return http.post("/api/v1/households", body(municipality, applicant, others));
    }

    static String body(String municipality, String applicant, String... others) {
        var members = new StringBuilder("{\"personalIdentityNumber\": \"" + applicant + "\", \"role\": \"APPLICANT\"}");
        for (String other : others) {
            members.append(", {\"personalIdentityNumber\": \"").append(other).append("\", \"role\": \"CHILD\"}");
        }
        return "{\"municipality\": \"" + municipality + "\", \"members\": [" + members + "]}";
    }
}
