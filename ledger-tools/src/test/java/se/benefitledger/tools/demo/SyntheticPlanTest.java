package se.benefitledger.tools.demo;

import org.junit.jupiter.api.Test;
import se.benefitledger.core.decision.DecisionLine;
import se.benefitledger.core.decision.DecisionOutcome;
import se.benefitledger.core.decision.LineType;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.PersonalIdentityNumber;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SyntheticPlanTest {

    private static final YearMonth JANUARY = YearMonth.of(2025, 1);
    private static final YearMonth DECEMBER = YearMonth.of(2025, 12);

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
        String first = everything(SyntheticPlan.of(7, Scale.S, JANUARY, DECEMBER));
        assertThat(everything(SyntheticPlan.of(7, Scale.S, JANUARY, DECEMBER))).isEqualTo(first);
        assertThat(everything(SyntheticPlan.of(8, Scale.S, JANUARY, DECEMBER))).isNotEqualTo(first);
    }

    @Test
    void aMonthIsTheSameWhicheverMonthsWereComputedBefore() {
        var plan = SyntheticPlan.of(3, Scale.S, JANUARY, DECEMBER);
        var share = plan.shares().get(0);
        String june = plan.month(YearMonth.of(2025, 6), share).toString();
        plan.months().forEach(month -> plan.month(month, share));
        assertThat(SyntheticPlan.of(3, Scale.S, JANUARY, DECEMBER).month(YearMonth.of(2025, 6), share).toString()).isEqualTo(june);
    }

    /** domain.md §2.2, §2.3, §9.8: 6.6-7 assistance months per household a year, ~40 % long-term (10-12 months). */
    @Test
    void householdsHaveTheAssistanceMonthsOfTheStatistics() {
        var plan = SyntheticPlan.of(SyntheticPlan.DEFAULT_SEED, Scale.M, JANUARY, DECEMBER);
        Map<UUID, Integer> assistanceMonths = new HashMap<>();
        for (YearMonth month : plan.months()) {
            for (PlannedDecision decision : plan.month(month, plan.shares().get(0)).decisions()) {
                // an assistance month: a payment executed and not returned (a rejected or cancelled one is replaced)
                if (decision.payments().stream().anyMatch(payment -> payment.fate() != PlannedPayment.Fate.RETURNED)) {
                    assistanceMonths.merge(decision.household().householdId(), 1, Integer::sum);
                }
            }
        }
        assertThat(assistanceMonths).hasSizeBetween(3_400, 3_500);
        double mean = assistanceMonths.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
        long longTerm = assistanceMonths.values().stream().filter(months -> months >= 10).count();
        assertThat(mean).isBetween(6.6, 7.0);
        assertThat((double) longTerm / assistanceMonths.size()).isCloseTo(0.40, within(0.03));
    }

    @Test
    void decisionsHaveAmountsOfTheRightSizeAndOneToThreePayments() {
        var plan = SyntheticPlan.of(SyntheticPlan.DEFAULT_SEED, Scale.M, JANUARY, DECEMBER);
        long granted = 0;
        long approvedOre = 0;
        long payments = 0;
        for (YearMonth month : plan.months()) {
            for (PlannedDecision decision : plan.month(month, plan.shares().get(0)).decisions()) {
                long lines = decision.lines().stream().mapToLong(line -> line.amount().ore()).sum();
                long incomes = decision.incomes().stream().mapToLong(income -> income.amount().ore()).sum();
                if (decision.outcome() == DecisionOutcome.REJECTED) {
                    assertThat(decision.payments()).isEmpty();
                    assertThat(decision.approved().ore()).isZero();
                    continue;
                }
                granted++;
                approvedOre += decision.approved().ore();
                assertThat(decision.approved().ore()).isEqualTo(lines - incomes).isPositive();
                assertThat(decision.payments()).hasSizeBetween(1, 3);
                payments += decision.payments().size();
                // the payments take up exactly the approved amount
                assertThat(decision.payments().stream().mapToLong(payment -> payment.amount().ore()).sum()).isEqualTo(decision.approved().ore());
                for (DecisionLine line : decision.lines()) {
                    if (line.type() == LineType.NORM) {
                        // 2025 riksnorm: a single adult 5,160 kr, a couple with four children up to about 26,000 kr
                        assertThat(line.amount().ore()).isBetween(5_000_00L, 30_000_00L);
                    } else if (line.type() == LineType.RENT) {
                        assertThat(line.amount().ore()).isBetween(4_000_00L, 9_000_00L);
                    }
                }
            }
        }
        // domain.md §7: SEK 10.7-11.4 thousand per household-month in 2024
        assertThat(approvedOre / granted / 100).isBetween(9_500L, 12_500L);
        assertThat((double) payments / granted).isBetween(1.3, 2.0);
    }

    @Test
    void oneToTwoPercentOfHouseholdsAreClaimedAndSomeRepay() {
        var plan = SyntheticPlan.of(SyntheticPlan.DEFAULT_SEED, Scale.L, JANUARY, DECEMBER);
        var summary = PlanSummary.of(plan);
        assertThat((double) summary.claims() / summary.households()).isBetween(0.01, 0.02);
        assertThat(summary.findings()).isGreaterThanOrEqualTo(summary.claims());
        assertThat(summary.repayments()).isPositive();
        // bank rejections ~1 %, cancellations and returns ~0.5 % each
        long first = summary.payments() - summary.cancelled() - summary.rejected();
        assertThat((double) summary.rejected() / first).isCloseTo(0.010, within(0.003));
        assertThat((double) summary.cancelled() / first).isCloseTo(0.005, within(0.002));
        assertThat((double) summary.returned() / first).isCloseTo(0.005, within(0.002));
        assertThat(summary.rejectedDecisions()).isPositive();
    }

    @Test
    void claimsFindOnlyExecutedPaymentsOfTheirHouseholdBeforeTheDecision() {
        var plan = SyntheticPlan.of(SyntheticPlan.DEFAULT_SEED, Scale.M, JANUARY, DECEMBER);
        var found = new HashSet<UUID>();
        for (YearMonth month : plan.months()) {
            for (PlannedClaim claim : plan.month(month, plan.shares().get(0)).claims()) {
                assertThat(claim.decidedOn()).isBetween(month.atDay(1), month.atEndOfMonth());
                assertThat(claim.principal().ore()).isPositive().isLessThanOrEqualTo(160_000_00L);
                for (PlannedClaim.Finding finding : claim.findings()) {
                    assertThat(finding.payment().fate()).isEqualTo(PlannedPayment.Fate.EXECUTED);
                    assertThat(finding.payment().householdId()).isEqualTo(claim.householdId());
                    assertThat(finding.payment().dueDate()).isBefore(claim.decidedOn());
                    assertThat(finding.amount().ore()).isPositive().isLessThanOrEqualTo(finding.payment().amount().ore());
                    assertThat(found.add(finding.payment().paymentId())).as("a payment is found erroneous once").isTrue();
                }
            }
        }
        assertThat(found).isNotEmpty();
    }

    @Test
    void everyPersonOfTheCountryHasAValidNumberOfHisOwn() {
        var plan = SyntheticPlan.of(SyntheticPlan.DEFAULT_SEED, Scale.NATIONAL, JANUARY, DECEMBER);
        Set<String> numbers = new HashSet<>();
        long coordination = 0;
        long adults = 0;
        for (int h = 0; h < plan.households(); h++) {
            for (PlannedHousehold.Member member : plan.household(h).members()) {
                String digits = member.number().digits();
                assertThat(numbers.add(digits)).as("unique: household %d", h).isTrue();
                if (member.role() != MemberRole.CHILD) {
                    adults++;
                    coordination += member.number().isCoordinationNumber() ? 1 : 0;
                    assertThat(member.number().birthDate()).isBefore(LocalDate.of(2007, 1, 1));
                } else {
                    assertThat(member.number().birthDate()).isAfter(LocalDate.of(2006, 12, 31));
                }
            }
        }
        // parsing checks the Luhn digit and the date; a samordningsnummer's day is the birth day + 60
        for (String digits : numbers) {
            assertThat(PersonalIdentityNumber.parse(digits).digits()).isEqualTo(digits);
        }
        assertThat((double) coordination / adults).isCloseTo(0.03, within(0.01));
        for (long n = 0; n < 10_000; n++) {
            assertThat(numbers.contains(SyntheticPersons.freshAdult(n).digits())).as("fresh adult %d", n).isFalse();
        }
        var otherSeed = SyntheticPlan.of(SyntheticPlan.DEFAULT_SEED + 1, Scale.S, JANUARY, DECEMBER);
        for (int h = 0; h < otherSeed.households(); h++) {
            otherSeed.household(h).members().forEach(member -> assertThat(numbers.contains(member.number().digits())).isFalse());
        }
    }

    @Test
    void theCountryIsEveryMunicipalityWithStockholmTheLargest() {
        var plan = SyntheticPlan.of(SyntheticPlan.DEFAULT_SEED, Scale.NATIONAL, JANUARY, JANUARY);
        assertThat(plan.shares()).hasSize(MunicipalityCode.all().size());
        assertThat(plan.households()).isEqualTo(145_000);
        assertThat(plan.shares()).allSatisfy(share -> assertThat(share.households()).isBetween(50, 15_000));
        assertThat(plan.shares().stream().filter(share -> share.municipality().code().equals("0180")).findFirst().orElseThrow().households())
                .isEqualTo(15_000);
        int next = 0;
        for (var share : plan.shares()) {
            assertThat(share.first()).isEqualTo(next);
            next += share.households();
        }
    }

    @Test
    void payoutDatesAreWeekdaysInOrder() {
        LocalDate date = LocalDate.of(2024, 12, 1);
        for (int i = 0; i < 60; i++) {
            LocalDate next = PayoutCalendar.next(date);
            assertThat(next).isAfter(date);
            assertThat(next.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            date = next;
        }
        var march = YearMonth.of(2025, 3);
        assertThat(PayoutCalendar.dates(march)).containsExactly(LocalDate.of(2025, 2, 25), LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 14));
        assertThat(PayoutCalendar.next(LocalDate.of(2025, 3, 14))).isEqualTo(LocalDate.of(2025, 3, 25));
    }

    /** domain.md §3.3: the 2021 table and the 2026 estimate. */
    @Test
    void theNormIsTheRiksnormOfTheHousehold() {
        assertThat(Riksnorm.of(YearMonth.of(2021, 5), 1, List.of()).ore()).isEqualTo((3_160 + 1_020) * 100L);
        assertThat(Riksnorm.of(YearMonth.of(2026, 5), 2, List.of(LocalDate.of(2014, 1, 1))).ore())
                .isEqualTo((7_090 + 4_380 + 1_780) * 100L);
        // 2025 = 2023 × 1.087 × 1.028: single 3,490 → 3,790 → 3,900
        assertThat(Riksnorm.of(YearMonth.of(2025, 1), 1, List.of()).ore()).isEqualTo((3_900 + 1_260) * 100L);
    }

    /** Issue 19: the published figures come out of the model's own draws for any seed; the same seed gives the same plan. */
    @Test
    void aShapedPlanReachesTheMunicipalitysFiguresWhateverTheSeed() {
        var strangnas = SyntheticPlan.shaped(2, Shape.STRANGNAS_2021);
        var share = strangnas.shares().get(0);
        Map<UUID, Set<YearMonth>> assisted = new HashMap<>();
        Map<Integer, Long> netPaid = new HashMap<>();
        for (YearMonth month : strangnas.months()) {
            for (PlannedDecision decision : strangnas.month(month, share).decisions()) {
                // paid: executed and not returned, or the correction of a cancelled payment, or the reissue of a rejected one
                long paid = decision.payments().stream().map(payment -> payment.followUp() != null ? payment.followUp() : payment)
                                    .filter(payment -> payment.fate() == PlannedPayment.Fate.EXECUTED && payment.dueDate().isBefore(LocalDate.of(2021, 12, 16)))
                                    .mapToLong(payment -> payment.amount().ore()).sum();
                if (paid > 0) {
                    assisted.computeIfAbsent(decision.household().householdId(), any -> new HashSet<>()).add(month);
                }
                netPaid.merge(month.getYear(), paid, Long::sum);
            }
        }
        assertThat(netPaid.get(2020) / 100.0).isCloseTo(38_100_000, within(38_100_000 * 0.005));
        assertThat(netPaid.get(2021) / 100.0).isCloseTo(26_700_000, within(26_700_000 * 0.005));
        for (YearMonth month = YearMonth.of(2021, 1); !month.isAfter(YearMonth.of(2021, 12)); month = month.plusMonths(1)) {
            YearMonth end = month;
            long longTerm = assisted.values().stream()
                                    .filter(months -> months.stream().filter(m -> m.isAfter(end.minusMonths(12)) && !m.isAfter(end)).count() >= 10)
                                    .count();
            assertThat(longTerm).as("long-term in the 12 months to %s", month).isEqualTo(Shape.STRANGNAS_2021.longTerm().at(month));
        }
        assertThat(SyntheticPlan.shaped(2, Shape.STRANGNAS_2021).month(YearMonth.of(2021, 6), share).toString())
                .isEqualTo(strangnas.month(YearMonth.of(2021, 6), share).toString());

        var vasteras = SyntheticPlan.shaped(2, Shape.VASTERAS_2020).claimantsOnly();
        Map<Integer, Long> principal = new HashMap<>();
        for (YearMonth month : vasteras.months()) {
            for (PlannedClaim claim : vasteras.month(month, vasteras.shares().get(0)).claims()) {
                principal.merge(claim.decidedOn().getYear(), claim.principal().ore(), Long::sum);
            }
        }
        assertThat(principal.get(2018) / 100.0).isCloseTo(1_200_000, within(1_200_000 * 0.005));
        assertThat(principal.get(2019) / 100.0).isCloseTo(850_000, within(850_000 * 0.005));
        assertThat(principal.get(2020) / 100.0).isCloseTo(2_300_000, within(2_300_000 * 0.005));
        assertThat(principal).as("no claims of the year before, the national share after").doesNotContainKey(2017).containsKeys(2021, 2022);
    }

    private static String everything(SyntheticPlan plan) {
        var all = new ArrayList<String>();
        for (YearMonth month : plan.months()) {
            for (var share : plan.shares()) {
                all.add(plan.month(month, share).toString());
            }
        }
        return String.join("\n", all);
    }
}
