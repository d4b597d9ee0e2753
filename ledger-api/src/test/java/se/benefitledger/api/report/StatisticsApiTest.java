package se.benefitledger.api.report;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.Projections;
import se.benefitledger.api.support.Users;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Person-level statistics over real HTTP, with the example of issue 15: an adult (with a child)
 * paid January to June in one household and July to December in the next is one long-term adult
 * of the year, while the two households have 6 months each.
 */
@LedgerApiTest
class StatisticsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;
    Ledger ledger;
    String municipality;
    String adult;
    String child;
    String first;
    String second;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(port);
        municipality = Municipalities.fresh();
        adult = People.personnummer(LocalDate.of(1981, 12, 18));
        child = People.personnummer(LocalDate.of(2015, 1, 1));
        var nils = Users.NILS.on(port);
        first = nils.post("/api/v1/households", Ledger.householdJson(municipality, adult, child)).json("$.householdId");
        var payments = new ArrayList<String>();
        for (int month = 1; month <= 6; month++) {
            payments.add(ledger.payment(ledger.decision(first, "2021-%02d".formatted(month), "9000.00"), "9000.00", "2021-01-25"));
        }
        String beyond = nils.post("/api/v1/decisions", """
                {"householdId": "%s", "benefitMonth": "2021-03", "outcome": "GRANTED", "legalBasis": "SOL_2025_12_2",
                 "lines": [{"type": "DENTAL", "amount": "500.00"}], "incomes": []}""".formatted(first)).json("$.decisionId");
        payments.add(ledger.payment(beyond, "500.00", "2021-01-25"));
        assertThat(nils.post("/api/v1/households/" + first + "/closure", """
                {"reason": "OTHER", "effectiveMonth": "2021-07"}""").status()).isEqualTo(200);
        second = nils.post("/api/v1/households", Ledger.householdJson(municipality, adult, child)).json("$.householdId");
        for (int month = 7; month <= 12; month++) {
            payments.add(ledger.payment(ledger.decision(second, "2021-%02d".formatted(month), "8000.00"), "8000.00", "2021-01-25"));
        }
        String batch = ledger.batch(municipality, "2021-01-25").json("$.batchId");
        var results = new ArrayList<String>();
        payments.forEach(payment -> {
            results.add(payment);
            results.add("EXECUTED");
        });
        assertThat(ledger.settle(batch, "2021-01-25", results.toArray(String[]::new)).status()).isEqualTo(200);
        Projections.awaitCaughtUp(processing, jdbc);
    }

    @Test
    void anAdultPaidSixMonthsInEachOfTwoHouseholdsIsOneLongTermAdult() {
        var year = Users.RUT.on(port).get("/api/v1/reports/duration-buckets?municipality=" + municipality + "&year=2021");

        assertThat(year.status()).isEqualTo(200);
        assertThat(year.<Integer>json("$.buckets['4-6']")).isEqualTo(2);
        assertThat(year.<Integer>json("$.households")).isEqualTo(2);
        assertThat(year.<Integer>json("$.longTermHouseholds")).isZero();
        assertThat(year.<Integer>json("$.persons.adults.buckets['10-12']")).isEqualTo(1);
        assertThat(year.<Integer>json("$.persons.adults.total")).isEqualTo(1);
        assertThat(year.<Integer>json("$.persons.adults.longTerm")).isEqualTo(1);
        assertThat(year.<Integer>json("$.persons.children.longTerm")).isEqualTo(1);
        var rolling = Users.RUT.on(port).get("/api/v1/reports/duration-buckets?municipality=" + municipality + "&month=2021-09");
        assertThat(rolling.<Integer>json("$.persons.adults.buckets['7-9']")).as("January to September").isEqualTo(1);

        var spend = Users.RUT.on(port).get("/api/v1/reports/monthly-spend?municipality=" + municipality + "&from=2021-06&to=2021-07");
        assertThat(spend.<List<Integer>>json("$.months[*].adultCount")).containsExactly(1, 1);
        assertThat(spend.<List<Integer>>json("$.months[*].childCount")).containsExactly(1, 1);
        assertThat(spend.<List<Integer>>json("$.months[*].householdCount")).containsExactly(1, 1);
        assertThat(year.body() + spend.body()).doesNotContain(first).doesNotContain(second);
    }

    @Test
    void kpiOfTheYear() {
        var kpi = Users.RUT.on(port).get("/api/v1/reports/kpi?municipality=" + municipality + "&year=2021");

        assertThat(kpi.status()).isEqualTo(200);
        assertThat(kpi.<Integer>json("$.households")).isEqualTo(2);
        assertThat(kpi.<Integer>json("$.adults")).isEqualTo(1);
        assertThat(kpi.<Integer>json("$.children")).isEqualTo(1);
        assertThat(kpi.<Integer>json("$.longTermAdults")).isEqualTo(1);
        assertThat(kpi.<Double>json("$.longTermAdultShare")).isEqualTo(100.0);
        assertThat(kpi.<String>json("$.netPaid")).isEqualTo("102500.00");
        assertThat(kpi.<String>json("$.recoveredCash")).isEqualTo("0.00");
        assertThat(kpi.body()).doesNotContain(first).doesNotContain(second).doesNotContain(adult);
        var csv = Users.RUT.on(port).header("Accept", "text/csv").get("/api/v1/reports/kpi?municipality=" + municipality + "&year=2021");
        assertThat(csv.body()).startsWith("municipality,year,households,adults,children,longTermAdults,longTermAdultShare,netPaid,recoveredCash");
        assertThat(Users.ANNA.on(port).get("/api/v1/reports/kpi?municipality=" + municipality + "&year=2021").status()).isEqualTo(403);
    }

    @Test
    void consecutiveMonthsNameTheHouseholdsOnlyToCaseRoles() {
        String path = "/api/v1/reports/consecutive-months?municipality=" + municipality + "&month=2021-12&min=6";

        var forCaseworker = Users.NILS.on(port).get(path);
        assertThat(forCaseworker.status()).isEqualTo(200);
        assertThat(forCaseworker.<Integer>json("$.count")).isEqualTo(1);
        assertThat(forCaseworker.<List<String>>json("$.items[*].householdId")).containsExactly(second);
        assertThat(forCaseworker.<List<Integer>>json("$.items[*].months")).containsExactly(6);
        assertThat(forCaseworker.<Integer>json("$.total")).isEqualTo(1);
        assertThat(Users.INES.on(port).get(path).<List<String>>json("$.items[*].householdId")).containsExactly(second);

        for (var countOnly : List.of(Users.RUT, Users.FRIDA)) {
            var response = countOnly.on(port).get(path);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.<Integer>json("$.count")).isEqualTo(1);
            assertThat(response.body()).doesNotContain("items").doesNotContain(second).doesNotContain(first);
            assertThat(countOnly.on(port).header("Accept", "text/csv").get(path).body()).isEqualTo("month,min,count\n2021-12,6,1\n");
        }
        assertThat(Users.NILS.on(port).get("/api/v1/reports/consecutive-months?municipality=" + municipality + "&month=2021-06&min=7")
                        .<Integer>json("$.count")).as("a run of 6 ending in June").isZero();
        assertThat(Users.NILS.on(port).get("/api/v1/reports/consecutive-months?municipality=" + municipality + "&month=2021-12&min=0").status())
                .isEqualTo(400);
    }

    @Test
    void theMonthlyExtractCarriesPersonnummerOnlyForStatistics() {
        String path = "/api/v1/exports/socialstyrelsen?municipality=" + municipality + "&month=2021-03";

        var extract = Users.STINA.on(port).get(path);

        assertThat(extract.status()).isEqualTo(200);
        assertThat(extract.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        int type = (adult.charAt(10) - '0') % 2 == 1 ? 4 : 6;
        assertThat(extract.body()).isEqualTo("""
                municipality,benefitMonth,householdId,applicant,coApplicant,householdType,adults,children,amountSol12_1,amountSol12_2
                %s,2021-03,"%s",%s,,%d,1,1,9000.00,500.00
                """.formatted(municipality, first, adult, type));
        assertThat(Users.STINA.on(port).get("/api/v1/exports/socialstyrelsen?municipality=" + municipality + "&month=2021-07").body())
                .contains(second).doesNotContain(first);

        for (var other : List.of(Users.RUT, Users.ALVA, Users.NILS, Users.FRIDA)) {
            assertThat(other.on(port).get(path).status()).as(other.name()).isEqualTo(403);
        }
        assertThat(Users.STIG.on(port).get(path).status()).as("another municipality's statistician").isEqualTo(403);
        assertThat(Users.STINA.on(port).get("/api/v1/exports/socialstyrelsen?municipality=" + municipality + "&month=2021-3").status())
                .isEqualTo(400);
        assertThat(Users.STINA.on(port).get("/api/v1/reports/kpi?municipality=0488&year=2021").status()).isEqualTo(403);
    }
}
