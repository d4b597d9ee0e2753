package se.benefitledger.api.report;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Projections;
import se.benefitledger.api.support.Users;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports over real HTTP, as JSON and as CSV, for a small ledger built through the API. */
@LedgerApiTest
class ReportApiTest {

    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;
    Ledger ledger;
    Http rut;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(port);
        rut = Users.RUT.on(port);
    }

    @Test
    void monthlySpendOnBothBasesWithEveryMonthOfTheRange() {
        var paid = ledger.executedPayment("8450.00", "2021-03");
        Projections.awaitCaughtUp(processing, jdbc);

        var byBenefitMonth = rut.get("/api/v1/reports/monthly-spend?municipality=" + paid.municipality() + "&from=2021-01&to=2021-04");
        assertThat(byBenefitMonth.status()).isEqualTo(200);
        assertThat(byBenefitMonth.<String>json("$.basis")).isEqualTo("BENEFIT_MONTH");
        assertThat(byBenefitMonth.<List<String>>json("$.months[*].month")).containsExactly("2021-01", "2021-02", "2021-03", "2021-04");
        assertThat(byBenefitMonth.<String>json("$.months[2].executed")).isEqualTo("8450.00");
        assertThat(byBenefitMonth.<String>json("$.months[2].netPaid")).isEqualTo("8450.00");
        assertThat(byBenefitMonth.<Integer>json("$.months[2].householdCount")).isEqualTo(1);
        assertThat(byBenefitMonth.<String>json("$.months[0].scheduled")).isEqualTo("0.00");
        assertThat(byBenefitMonth.<String>json("$.totals.executed")).isEqualTo("8450.00");
        assertThat(byBenefitMonth.<Integer>json("$.totals.paymentCount")).isEqualTo(1);

        var byPaymentDate = rut.get("/api/v1/reports/monthly-spend?municipality=" + paid.municipality() + "&from=2021-01&to=2021-04&basis=PAYMENT_DATE");
        assertThat(byPaymentDate.<String>json("$.months[1].executed")).as("executed 2021-02-25").isEqualTo("8450.00");
        assertThat(byPaymentDate.<String>json("$.months[2].executed")).isEqualTo("0.00");
    }

    @Test
    void monthlySpendAsCsv() {
        var paid = ledger.executedPayment("100.50", "2021-03");
        Projections.awaitCaughtUp(processing, jdbc);

        var csv = rut.header("Accept", "text/csv").get("/api/v1/reports/monthly-spend?municipality=" + paid.municipality() + "&from=2021-02&to=2021-03");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv").contains("UTF-8"));
        assertThat(csv.body().lines().toList()).containsExactly(
                "month,scheduled,executed,returned,netPaid,paymentCount,householdCount,adultCount,childCount",
                "2021-02,0.00,0.00,0.00,0.00,0,0,0,0",
                "2021-03,100.50,100.50,0.00,100.50,1,1,1,0");
    }

    @Test
    void durationBucketsForARollingWindowAndACalendarYear() {
        var paid = ledger.executedPayment("100.00", "2021-03");
        Projections.awaitCaughtUp(processing, jdbc);

        var rolling = rut.get("/api/v1/reports/duration-buckets?municipality=" + paid.municipality() + "&month=2022-02");
        assertThat(rolling.<String>json("$.window.from")).isEqualTo("2021-03");
        assertThat(rolling.<String>json("$.window.to")).isEqualTo("2022-02");
        assertThat(rolling.<Integer>json("$.buckets.1-3")).isEqualTo(1);
        assertThat(rolling.<Integer>json("$.households")).isEqualTo(1);
        assertThat(rolling.<Integer>json("$.longTermHouseholds")).isZero();
        assertThat(rut.get("/api/v1/reports/duration-buckets?municipality=" + paid.municipality() + "&month=2022-03").<Integer>json("$.households"))
                .as("March 2021 is outside").isZero();
        var year = rut.get("/api/v1/reports/duration-buckets?municipality=" + paid.municipality() + "&year=2021");
        assertThat(year.<String>json("$.window.from")).isEqualTo("2021-01");
        assertThat(year.<Integer>json("$.buckets.1-3")).isEqualTo(1);

        var csv = rut.header("Accept", "text/csv").get("/api/v1/reports/duration-buckets?municipality=" + paid.municipality() + "&year=2021");
        assertThat(csv.body().lines().toList()).containsExactly("from,to,bucket,households,adults,children", "2021-01,2021-12,1-3,1,1,0",
                "2021-01,2021-12,4-6,0,0,0", "2021-01,2021-12,7-9,0,0,0", "2021-01,2021-12,10-12,0,0,0");
    }

    @Test
    void recoveryBalancesWithTotalsOverAllMatchingClaims() {
        var paid = ledger.executedPayment("8000.00", "2021-03");
        var ines = Users.INES.on(port);
        ines.post("/api/v1/payments/" + paid.paymentId() + "/erroneous", "{\"amount\": \"3000.00\", \"cause\": \"INCORRECT_INFORMATION\"}");
        for (String principal : List.of("1000.00", "2000.00")) {
            ines.post("/api/v1/recovery-claims", """
                    {"householdId": "%s", "paymentIds": ["%s"], "principal": "%s", "ground": "INCORRECT_INFORMATION", "decidedOn": "2021-06-10"}"""
                    .formatted(paid.householdId(), paid.paymentId(), principal));
        }
        Projections.awaitCaughtUp(processing, jdbc);

        var page = rut.get("/api/v1/reports/recovery-balances?municipality=" + paid.municipality() + "&status=OPEN&size=1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.<Integer>json("$.totals.claims")).isEqualTo(2);
        assertThat(page.<String>json("$.totals.principal")).isEqualTo("3000.00");
        assertThat(page.<String>json("$.totals.outstanding")).isEqualTo("3000.00");
        assertThat(page.<List<?>>json("$.items")).hasSize(1);
        assertThat(page.<Integer>json("$.total")).isEqualTo(2);
        assertThat(page.<String>json("$.items[0].agingBucket")).isEqualTo(">36");
        assertThat(rut.get("/api/v1/reports/recovery-balances?municipality=" + paid.municipality() + "&status=CLOSED").<Integer>json("$.total")).isZero();

        var csv = rut.header("Accept", "text/csv").get("/api/v1/reports/recovery-balances?municipality=" + paid.municipality());
        assertThat(csv.body().lines().toList()).hasSize(3);
        assertThat(csv.body().lines().findFirst()).hasValueSatisfying(header -> assertThat(header).startsWith("claimId,householdId,principal"));
    }

    @Test
    void reconciliationPerBatch() {
        var paid = ledger.executedPayment("8000.00", "2021-03");
        Users.FRIDA.on(port).post("/api/v1/payments/" + paid.paymentId() + "/return", "{\"returnedOn\": \"2021-03-01\", \"reason\": \"closed\"}");
        Projections.awaitCaughtUp(processing, jdbc);

        var report = Users.FRIDA.on(port).get("/api/v1/reports/reconciliation?municipality=" + paid.municipality() + "&from=2021-01-01&to=2021-12-31");

        assertThat(report.<Integer>json("$.total")).isEqualTo(1);
        assertThat(report.<String>json("$.items[0].status")).isEqualTo("SETTLED");
        assertThat(report.<Integer>json("$.items[0].paymentCount")).isEqualTo(1);
        assertThat(report.<String>json("$.items[0].controlTotal")).isEqualTo("8000.00");
        assertThat(report.<Integer>json("$.items[0].executedCount")).isEqualTo(1);
        assertThat(report.<Integer>json("$.items[0].returnedCount")).isEqualTo(1);
        assertThat(report.<String>json("$.items[0].returnedTotal")).isEqualTo("8000.00");
        assertThat(report.<Integer>json("$.items[0].unsettledCount")).isZero();
        assertThat(report.<List<?>>json("$.items[0].discrepancies")).isEmpty();
        var csv = Users.FRIDA.on(port).header("Accept", "text/csv")
                             .get("/api/v1/reports/reconciliation?municipality=" + paid.municipality() + "&from=2021-01-01&to=2021-12-31");
        assertThat(csv.body().lines().toList()).hasSize(2);
    }

    @Test
    void refusesBadParametersAndMunicipalitiesOutsideTheScope() {
        assertThat(rut.get("/api/v1/reports/monthly-spend?municipality=0488&from=2021-13&to=2021-12").<List<String>>json("$.errors[*].field"))
                .containsExactly("from");
        assertThat(rut.get("/api/v1/reports/monthly-spend?municipality=0488&from=2021-06&to=2021-01").status()).isEqualTo(400);
        assertThat(rut.get("/api/v1/reports/monthly-spend?municipality=9999&from=2021-01&to=2021-02").status()).isEqualTo(400);
        assertThat(rut.get("/api/v1/reports/duration-buckets?municipality=0488&month=2021-06&year=2021").status()).isEqualTo(400);
        assertThat(rut.get("/api/v1/reports/reconciliation?municipality=0488&from=2021-01-01&to=2021-02-31").status()).isEqualTo(400);
        assertThat(Users.FREDRIK.on(port).get("/api/v1/reports/monthly-spend?municipality=1280&from=2021-01&to=2021-02").status()).isEqualTo(403);
        assertThat(Users.ANNA.on(port).get("/api/v1/reports/monthly-spend?municipality=0488&from=2021-01&to=2021-02").status())
                .as("caseworkers do not see reports").isEqualTo(403);
    }

    /** Västerås' question in one request: claimed back, repaid and the receivable per year, with the months behind them. */
    @Test
    void recoveryFlowsPerMonthAndYearAndTheReceivableOnAnyDay() {
        var paid = ledger.executedPayment("8000.00", "2021-03");
        Http ines = Users.INES.on(port);
        Http frida = Users.FRIDA.on(port);
        ines.post("/api/v1/payments/" + paid.paymentId() + "/erroneous", "{\"amount\": \"6000.00\", \"cause\": \"INCORRECT_INFORMATION\"}");
        String claim = ines.post("/api/v1/recovery-claims", """
                {"householdId": "%s", "paymentIds": ["%s"], "principal": "6000.00", "ground": "INCORRECT_INFORMATION",
                 "decidedOn": "2021-06-10"}""".formatted(paid.householdId(), paid.paymentId())).json("$.claimId");
        frida.post("/api/v1/recovery-claims/" + claim + "/repayments", "{\"amount\": \"1000.00\", \"receivedOn\": \"2021-12-20\"}");
        ines.post("/api/v1/recovery-claims/" + claim + "/waivers", "{\"amount\": \"500.00\", \"reason\": \"hardship\", \"decidedOn\": \"2022-01-15\"}");
        frida.post("/api/v1/recovery-claims/" + claim + "/write-offs", "{\"amount\": \"3000.00\", \"reason\": \"gone\", \"decidedOn\": \"2022-02-01\"}");
        frida.post("/api/v1/recovery-claims/" + claim + "/repayments", "{\"amount\": \"5000.00\", \"receivedOn\": \"2022-03-03\"}");
        frida.post("/api/v1/recovery-claims/" + claim + "/refunds", "{\"amount\": \"300.00\", \"paidOn\": \"2022-03-10\"}");
        Projections.awaitCaughtUp(processing, jdbc);

        var flows = rut.get("/api/v1/reports/recovery-flows?municipality=" + paid.municipality() + "&from=2021-01&to=2022-12");

        assertThat(flows.status()).isEqualTo(200);
        assertThat(flows.<List<String>>json("$.months[*].month")).hasSize(24).startsWith("2021-01").endsWith("2022-12");
        assertThat(flows.<List<Integer>>json("$.years[*].year")).containsExactly(2021, 2022);
        assertThat(flows.<List<Integer>>json("$.years[*].claimsOpened")).containsExactly(1, 0);
        assertThat(flows.<List<String>>json("$.years[*].principalOpened")).containsExactly("6000.00", "0.00");
        assertThat(flows.<List<String>>json("$.years[*].repaid")).containsExactly("1000.00", "4500.00");
        assertThat(flows.<List<String>>json("$.years[*].waived")).containsExactly("0.00", "500.00");
        assertThat(flows.<List<String>>json("$.years[*].writtenOff")).containsExactly("0.00", "3000.00");
        assertThat(flows.<List<String>>json("$.years[*].overpaid")).containsExactly("0.00", "500.00");
        assertThat(flows.<List<String>>json("$.years[*].refunded")).containsExactly("0.00", "300.00");
        assertThat(flows.<List<String>>json("$.years[*].outstandingAtEnd")).containsExactly("5000.00", "0.00");
        assertThat(flows.<String>json("$.totals.repaid")).isEqualTo("5500.00");
        var csv = Users.RUT.on(port).header("Accept", "text/csv").get("/api/v1/reports/recovery-flows?municipality=" + paid.municipality()
                + "&from=2021-06&to=2021-06");
        assertThat(csv.body()).startsWith("month,claimsOpened,principalOpened,repaid,waived,writtenOff,refunded,outstandingAtEnd,overpaid")
                .contains("2021-06,1,6000.00,0.00,0.00,0.00,0.00,6000.00,0.00");
        assertThat(Users.NILS.on(port).get("/api/v1/reports/recovery-flows?municipality=" + paid.municipality() + "&from=2021-01&to=2021-12")
                .status()).isEqualTo(403);

        var asOf = rut.get("/api/v1/reports/recovery-balances?municipality=" + paid.municipality() + "&asOf=2021-12-31");
        assertThat(asOf.<String>json("$.totals.outstanding")).isEqualTo("5000.00");
        assertThat(asOf.<List<String>>json("$.items[*].status")).containsExactly("OPEN");
        var later = rut.get("/api/v1/reports/recovery-balances?municipality=" + paid.municipality() + "&asOf=2022-02-28");
        assertThat(later.<List<String>>json("$.items[*].status")).containsExactly("OPEN");
        assertThat(later.<String>json("$.totals.writtenOff")).isEqualTo("3000.00");
        var now = rut.get("/api/v1/reports/recovery-balances?municipality=" + paid.municipality());
        assertThat(now.<String>json("$.totals.refundDue")).isEqualTo("200.00");
        assertThat(now.<List<String>>json("$.items[*].status")).containsExactly("CLOSED");
        assertThat(rut.get("/api/v1/reports/recovery-balances?municipality=" + paid.municipality() + "&asOf=2021-06-09")
                .<Integer>json("$.totals.claims")).as("not decided yet").isZero();
        assertThat(rut.get("/api/v1/reports/recovery-balances?municipality=" + paid.municipality() + "&asOf=2021-13-01").status()).isEqualTo(400);
    }
}
