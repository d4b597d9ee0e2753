package se.benefitledger.tools.demo;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import se.benefitledger.api.LedgerApplication;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Projections;
import se.benefitledger.api.support.TestDatabaseInitializer;
import se.benefitledger.api.support.Users;
import se.benefitledger.tools.bulk.HouseholdBulkCommands;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 19: the municipalities' own figures come out of the ledger's reports once the shaped plans
 * are loaded through the command side (Strängnäs whole; Västerås's households with a recovery claim,
 * which is all its recovery figures are made of). A database of its own, so that 0486 and 1980 hold
 * nothing else.
 */
@SpringBootTest(classes = {LedgerApplication.class, HouseholdBulkCommands.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedFiguresTest {

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    PiiVault vault;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;

    private Http rut;

    @BeforeAll
    void loadBothShapes() {
        try (var writer = new CommandSideWriter(commands, vault, 2)) {
            new PlanRunner(SyntheticPlan.shaped(SyntheticPlan.DEFAULT_SEED, Shape.STRANGNAS_2021), writer, 1).run();
            new PlanRunner(SyntheticPlan.shaped(SyntheticPlan.DEFAULT_SEED, Shape.VASTERAS_2020).claimantsOnly(), writer, 1).run();
        }
        Projections.awaitCaughtUp(processing, jdbc);
        rut = Users.RUT.on(port);
    }

    @Test
    void strangnasPaidSek38_1MillionNetIn2020And26_7MillionIn2021() {
        for (var year : Map.of(2020, 38_100_000.0, 2021, 26_700_000.0).entrySet()) {
            var spend = rut.get("/api/v1/reports/monthly-spend?municipality=0486&from=" + year.getKey() + "-01&to=" + year.getKey() + "-12");
            assertThat(kronor(spend.json("$.totals.netPaid"))).as("net paid %d", year.getKey())
                                                              .isCloseTo(year.getValue(), within(year.getValue() * 0.01));
        }
    }

    @Test
    void strangnasLongTermHouseholdsFallFrom203InJanuaryTo132InDecember2021() {
        var path = Shape.STRANGNAS_2021.longTerm();
        assertThat(longTerm(YearMonth.of(2021, 1))).isBetween(200, 206);
        assertThat(longTerm(YearMonth.of(2021, 12))).isBetween(129, 135);
        int previous = Integer.MAX_VALUE;
        for (YearMonth month = YearMonth.of(2021, 1); !month.isAfter(YearMonth.of(2021, 12)); month = month.plusMonths(1)) {
            int longTerm = longTerm(month);
            assertThat(longTerm).as("long-term households, the 12 months to %s", month).isCloseTo(path.at(month), within(3));
            assertThat(longTerm).as("a path that only falls").isLessThanOrEqualTo(previous);
            previous = longTerm;
        }
    }

    @Test
    void strangnasHouseholdsWithFewerMonthsStayAboutWhereTheyWereThrough2021() {
        int january = shortTerm(YearMonth.of(2021, 1));
        for (YearMonth month = YearMonth.of(2021, 2); !month.isAfter(YearMonth.of(2021, 12)); month = month.plusMonths(1)) {
            assertThat(shortTerm(month)).as("households with 1-9 months, the 12 months to %s", month)
                                        .isCloseTo(january, within(january / 10));
        }
    }

    @Test
    void vasterasDecidedClaimsOf1_2MillionIn2018And0_85MillionIn2019And2_3MillionIn2020RepaidOverTheFollowingYears() {
        var flows = rut.get("/api/v1/reports/recovery-flows?municipality=1980&from=2018-01&to=2022-12");
        List<Map<String, Object>> years = flows.json("$.years");
        var principal = Map.of(2018, 1_200_000.0, 2019, 850_000.0, 2020, 2_300_000.0);
        for (var year : years) {
            int number = (Integer) year.get("year");
            if (principal.containsKey(number)) {
                assertThat(kronor((String) year.get("principalOpened"))).as("principal of claims decided in %d", number)
                                                                        .isCloseTo(principal.get(number), within(principal.get(number) * 0.01));
            }
        }
        assertThat(years).filteredOn(year -> (Integer) year.get("year") >= 2021)
                         .as("repayments in the years after").hasSize(2)
                         .allSatisfy(year -> assertThat(kronor((String) year.get("repaid"))).isGreaterThan(100_000.0));
    }

    private int longTerm(YearMonth month) {
        return rut.get("/api/v1/reports/duration-buckets?municipality=0486&month=" + month).json("$.longTermHouseholds");
    }

    private int shortTerm(YearMonth month) {
        var buckets = rut.get("/api/v1/reports/duration-buckets?municipality=0486&month=" + month);
        return buckets.<Integer>json("$.households") - buckets.<Integer>json("$.longTermHouseholds");
    }

    private static double kronor(String amount) {
        return new BigDecimal(amount).doubleValue();
    }
}
