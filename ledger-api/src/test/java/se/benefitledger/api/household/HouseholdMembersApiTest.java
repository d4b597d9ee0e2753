package se.benefitledger.api.household;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.Users;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@LedgerApiTest
class HouseholdMembersApiTest {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void setUp() {
        http = Users.ANNA.on(port);
    }

    @Test
    void aNewbornJoinsFromItsFirstMonth() {
        String household = register("0488", People.adult());
        String baby = People.personnummer(LocalDate.of(2021, 2, 14));

        var joined = http.post("/api/v1/households/" + household + "/members", """
                {"personalIdentityNumber": "%s", "role": "CHILD", "fromMonth": "2021-03"}""".formatted(baby));

        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.header("ETag")).hasValue("\"1\"");
        assertThat(joined.<List<String>>json("$.members[*].role")).containsExactly("APPLICANT", "CHILD");
        assertThat(joined.<String>json("$.members[1].fromMonth")).isEqualTo("2021-03");
        assertThat(joined.<String>json("$.members[1].personalIdentityNumber")).isEqualTo("20210214-****");
        assertThat(joined.<Object>json("$.members[0].fromMonth")).as("a founder is a member from the start").isNull();
    }

    @Test
    void aDepartureEndsTheMembershipBeforeItsMonth() {
        String partner = People.adult();
        String household = http.post("/api/v1/households", """
                {"municipality": "0488", "members": [{"personalIdentityNumber": "%s", "role": "APPLICANT"},
                                                     {"personalIdentityNumber": "%s", "role": "CO_APPLICANT"}]}"""
                .formatted(People.adult(), partner)).json("$.householdId");
        String partnerId = http.get("/api/v1/households/" + household).json("$.members[1].personId");

        var left = http.post("/api/v1/households/" + household + "/members/" + partnerId + "/departure", """
                {"month": "2021-07"}""");

        assertThat(left.status()).isEqualTo(200);
        assertThat(left.<String>json("$.members[1].departureMonth")).isEqualTo("2021-07");
        assertThat(register("0488", partner)).as("free to form a household of their own").isNotNull();
        var again = http.post("/api/v1/households/" + household + "/members/" + partnerId + "/departure", """
                {"month": "2021-08"}""");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void aMoveToAnotherMunicipalityKeepsThePersonsId() {
        String person = People.adult();
        String before = register("0488", person);
        String personId = http.get("/api/v1/households/" + before).json("$.members[0].personId");
        assertThat(http.post("/api/v1/households/" + before + "/closure", """
                {"reason": "MOVED", "effectiveMonth": "2021-07"}""").status()).isEqualTo(200);

        String after = register("0180", person);

        assertThat(http.get("/api/v1/households/" + after).<String>json("$.members[0].personId")).isEqualTo(personId);
    }

    @Test
    void aPersonInAnotherActiveHouseholdOfTheMunicipalityCannotJoin() {
        String member = People.adult();
        register("0488", member);
        String household = register("0488", People.adult());

        var joined = http.post("/api/v1/households/" + household + "/members", """
                {"personalIdentityNumber": "%s", "role": "CO_APPLICANT", "fromMonth": "2021-03"}""".formatted(member));

        assertThat(joined.status()).isEqualTo(409);
        assertThat(joined.<String>json("$.detail")).contains("already a member of another ACTIVE household in municipality 0488")
                                                   .doesNotContain(member);
        assertThat(http.get("/api/v1/households/" + household).<List<?>>json("$.members")).hasSize(1);
    }

    @Test
    void compositionRulesAndClosedHouseholds() {
        String household = register("0488", People.adult());
        var secondApplicant = http.post("/api/v1/households/" + household + "/members", """
                {"personalIdentityNumber": "%s", "role": "APPLICANT", "fromMonth": "2021-03"}""".formatted(People.adult()));
        assertThat(secondApplicant.status()).isEqualTo(422);
        String applicantId = http.get("/api/v1/households/" + household).json("$.members[0].personId");
        assertThat(http.post("/api/v1/households/" + household + "/members/" + applicantId + "/departure", """
                {"month": "2021-07"}""").status()).isEqualTo(422);
        assertThat(http.post("/api/v1/households/" + household + "/members/" + java.util.UUID.randomUUID() + "/departure", """
                {"month": "2021-07"}""").status()).isEqualTo(404);

        http.post("/api/v1/households/" + household + "/closure", """
                {"reason": "MOVED", "effectiveMonth": "2021-08"}""");
        var afterClosure = http.post("/api/v1/households/" + household + "/members", """
                {"personalIdentityNumber": "%s", "role": "CHILD", "fromMonth": "2021-09"}""".formatted(People.child()));
        assertThat(afterClosure.status()).isEqualTo(409);
    }

    @Test
    void badInputAndForeignRolesAreRefused() {
        String household = register("0488", People.adult());
        assertThat(http.post("/api/v1/households/" + household + "/members", """
                {"personalIdentityNumber": "%s", "role": "CHILD", "fromMonth": "2021-13"}""".formatted(People.child())).status())
                .isEqualTo(400);
        assertThat(http.post("/api/v1/households/" + household + "/members", """
                {"personalIdentityNumber": "%s", "role": "CHILD"}""".formatted(People.child())).status()).isEqualTo(400);
        assertThat(http.post("/api/v1/households/" + household + "/members", """
                {"personalIdentityNumber": "%s", "role": "CHILD", "fromMonth": "2100-01"}""".formatted(People.child())).status())
                .as("months 2000-2099").isEqualTo(400);
        String applicantId = http.get("/api/v1/households/" + household).json("$.members[0].personId");
        assertThat(http.post("/api/v1/households/" + household + "/members/" + applicantId + "/departure", """
                {"month": "1999-12"}""").status()).isEqualTo(400);
        assertThat(Users.FREDRIK.on(port).post("/api/v1/households/" + household + "/members", """
                {"personalIdentityNumber": "%s", "role": "CHILD", "fromMonth": "2021-03"}""".formatted(People.child())).status())
                .isEqualTo(403);
        assertThat(Users.CARL.on(port).post("/api/v1/households/" + household + "/members", """
                {"personalIdentityNumber": "%s", "role": "CHILD", "fromMonth": "2021-03"}""".formatted(People.child())).status())
                .as("another municipality's household does not exist for the caller").isEqualTo(404);
    }

    private String register(String municipality, String applicant) {
        var response = http.post("/api/v1/households", Ledger.householdJson(municipality, applicant));
        assertThat(response.status()).isEqualTo(201);
        return response.json("$.householdId");
    }
}
