package se.benefitledger.api.report;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Projections;
import se.benefitledger.core.recovery.ClaimStatus;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.SignedMoney;
import se.benefitledger.core.shared.Sex;
import se.benefitledger.core.household.HouseholdRegisteredEvent;
import se.benefitledger.core.household.HouseholdType;
import se.benefitledger.core.household.MemberDepartedEvent;
import se.benefitledger.core.household.MemberJoinedEvent;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.projections.duration.ConsecutiveMonthsReport;
import se.benefitledger.projections.duration.DurationReport;
import se.benefitledger.projections.duration.PersonBuckets;
import se.benefitledger.projections.kpi.KpiReport;
import se.benefitledger.projections.spend.MonthlySpendQueries;
import se.benefitledger.projections.spend.SpendBasis;
import se.benefitledger.projections.statistics.ExtractHousehold;
import se.benefitledger.projections.statistics.StatisticsQueries;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random histories go into the event store; every report must equal a second computation,
 * written here as plainly as possible from the same facts. A failure names its seed. Each history
 * spans two municipalities (households move from the first to the second), and both are checked.
 */
@LedgerApiTest
class ReportsMatchNaiveComputationTest {

    private static final YearMonth FIRST = YearMonth.of(2020, 1);
    private static final YearMonth LAST = YearMonth.of(2021, 12);

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    StatisticsQueries statistics;

    @Test
    void everyReportEqualsANaiveComputationOfRandomHistories() {
        var seeds = new ArrayList<>(List.of(1L, 42L, 20_211_231L));
        seeds.add(ThreadLocalRandom.current().nextLong());
        var histories = seeds.stream().map(seed -> new RandomHistory(seed, MunicipalityCode.of(Municipalities.fresh()),
                MunicipalityCode.of(Municipalities.fresh()), 25, FIRST, LAST)).toList();
        for (var history : histories) {
            for (int from = 0; from < history.events.size(); from += 500) {
                eventStore.publish(history.events.subList(from, Math.min(history.events.size(), from + 500)));
            }
        }
        Projections.awaitCaughtUp(processing, jdbc);

        for (var history : histories) {
            for (var municipality : List.of(history.municipality, history.elsewhere)) {
                checkReports(history, municipality, "seed " + history.seed + " (municipality " + municipality + ")");
            }
        }
    }

    /**
     * Joins and departures are recorded for months already paid: here those of every household whose leavers found no household
     * of their own in the municipality (which needs the departure first) come after all payments, and the persons of monthly-spend
     * still count as the facts say: the projection counts them as the events arrive, not at query time.
     */
    @Test
    void monthlySpendCountsTheSamePersonsWhenMembershipChangesComeAfterThePayments() {
        var history = new RandomHistory(7L, MunicipalityCode.of(Municipalities.fresh()), MunicipalityCode.of(Municipalities.fresh()), 25, FIRST, LAST);
        Map<MunicipalityCode, Set<UUID>> founders = new HashMap<>();
        Set<UUID> foundersTwice = new HashSet<>();
        Set<String> keptInPlace = new HashSet<>();
        for (var event : history.events) {
            if (event.getPayload() instanceof HouseholdRegisteredEvent registered) {
                registered.members().stream().filter(member -> !founders.computeIfAbsent(registered.municipality(), m -> new HashSet<>())
                                                                        .add(member.personId())).forEach(member -> foundersTwice.add(member.personId()));
            }
        }
        for (var event : history.events) {
            if (event.getPayload() instanceof MemberDepartedEvent departed && foundersTwice.contains(departed.personId())) {
                keptInPlace.add(event.getAggregateIdentifier());
            }
        }
        var paymentsFirst = new ArrayList<DomainEventMessage<?>>();
        var membershipChanges = new ArrayList<DomainEventMessage<?>>();
        for (var event : history.events) {
            boolean later = event.getType().equals("Household") && !(event.getPayload() instanceof HouseholdRegisteredEvent)
                            && !keptInPlace.contains(event.getAggregateIdentifier());
            (later ? membershipChanges : paymentsFirst).add(event);
        }
        assertThat(membershipChanges).extracting(event -> event.getPayload().getClass().getSimpleName())
                                     .contains(MemberJoinedEvent.class.getSimpleName(), MemberDepartedEvent.class.getSimpleName());
        paymentsFirst.addAll(membershipChanges);
        for (int from = 0; from < paymentsFirst.size(); from += 500) {
            eventStore.publish(paymentsFirst.subList(from, Math.min(paymentsFirst.size(), from + 500)));
        }
        Projections.awaitCaughtUp(processing, jdbc);

        var spend = context.getBean(MonthlySpendQueries.class);
        for (var municipality : List.of(history.municipality, history.elsewhere)) {
            for (var basis : SpendBasis.values()) {
                assertThat(spend.report(municipality, basis, FIRST, LAST)).as(municipality + " " + basis).usingRecursiveComparison()
                        .isEqualTo(NaiveReports.monthlySpend(history, municipality, basis, FIRST, LAST));
            }
        }
    }

    private void checkReports(RandomHistory history, MunicipalityCode municipality, String seed) {
        var ends = new ArrayList<YearMonth>();
        for (YearMonth end = FIRST; !end.isAfter(LAST.plusMonths(1)); end = end.plusMonths(1)) {
            ends.add(end);
        }
        var days = new ArrayList<LocalDate>();
        days.add(null);
        for (LocalDate day = LocalDate.of(2020, 3, 31); day.isBefore(LocalDate.of(2024, 6, 1)); day = day.plusMonths(5).withDayOfMonth(1).minusDays(1)) {
            days.add(day);
        }
        new NaiveReportChecks(context).check(history, municipality, seed, new NaiveReportChecks.Range(FIRST.minusMonths(1), LAST.plusMonths(2), ends,
                List.of(2020, 2021), days, List.of(List.of(FIRST, LAST.plusMonths(24)), List.of(YearMonth.of(2021, 5), YearMonth.of(2022, 7))),
                LocalDate.of(2019, 1, 1), LocalDate.of(2022, 12, 31)));
        for (YearMonth month = FIRST; !month.isAfter(LAST); month = month.plusMonths(1)) {
            YearMonth reported = month;
            assertThat(statistics.assistanceHouseholds(municipality, month)).as(seed + ", extract " + month)
                    .extracting(household -> extractLine(household, reported))
                    .containsExactlyInAnyOrderElementsOf(NaiveReports.extract(history, municipality, month));
        }
    }

    /** A household of the monthly extract as its row shows it (SocialstyrelsenRow): type, adults, children and both amounts. */
    private static String extractLine(ExtractHousehold household, YearMonth month) {
        var applicant = household.members().stream().filter(member -> member.role() == MemberRole.APPLICANT).findFirst();
        int adults = (int) household.members().stream().filter(member -> member.adultIn(month)).count();
        return NaiveReports.extractLine(household.householdId(), HouseholdType.of(household.members(), month,
                        applicant.map(member -> NaiveReports.sexOf(member.personId())).orElse(null)), adults, household.members().size() - adults,
                household.subsistence().ore(), household.beyondEntitlement().ore());
    }

    /** The counting rules of rest-api.md, computed the obvious way from the facts. */
    static final class NaiveReports {

        static se.benefitledger.projections.spend.MonthlySpendReport monthlySpend(RandomHistory history, MunicipalityCode municipality,
                                                                                SpendBasis basis, YearMonth from, YearMonth to) {
            var months = new ArrayList<se.benefitledger.projections.spend.MonthlySpendReport.Month>();
            long scheduledTotal = 0;
            long executedTotal = 0;
            long returnedTotal = 0;
            long countTotal = 0;
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                long scheduled = 0;
                long executed = 0;
                long returned = 0;
                int count = 0;
                Set<UUID> households = new HashSet<>();
                for (var payment : payments(history, municipality)) {
                    boolean benefitBasis = basis == SpendBasis.BENEFIT_MONTH;
                    YearMonth scheduledIn = benefitBasis ? payment.benefitMonth : YearMonth.from(payment.dueDate);
                    if (scheduledIn.equals(month) && payment.fate != RandomHistory.Fate.CANCELLED && payment.fate != RandomHistory.Fate.REJECTED) {
                        scheduled += payment.amount;
                    }
                    if (payment.executed()) {
                        YearMonth executedIn = benefitBasis ? payment.benefitMonth : YearMonth.from(payment.executedOn);
                        if (executedIn.equals(month)) {
                            executed += payment.amount;
                            count++;
                            if (payment.fate != RandomHistory.Fate.RETURNED) {
                                households.add(payment.householdId);
                            }
                        }
                    }
                    if (payment.fate == RandomHistory.Fate.RETURNED) {
                        YearMonth returnedIn = benefitBasis ? payment.benefitMonth : YearMonth.from(payment.returnedOn);
                        if (returnedIn.equals(month)) {
                            returned += payment.amount;
                        }
                    }
                }
                Map<UUID, Boolean> persons = new HashMap<>();
                for (var household : households) {
                    for (var stay : household(history, household).stays) {
                        if (stay.includes(month)) {
                            persons.merge(stay.personId, adult(stay, month), Boolean::logicalOr);
                        }
                    }
                }
                int adults = (int) persons.values().stream().filter(adult -> adult).count();
                months.add(new se.benefitledger.projections.spend.MonthlySpendReport.Month(month.toString(), Money.ofOre(scheduled),
                        Money.ofOre(executed), Money.ofOre(returned), new SignedMoney(executed - returned), count, households.size(),
                        adults, persons.size() - adults));
                scheduledTotal += scheduled;
                executedTotal += executed;
                returnedTotal += returned;
                countTotal += count;
            }
            return new se.benefitledger.projections.spend.MonthlySpendReport(municipality, basis, months,
                    new se.benefitledger.projections.spend.MonthlySpendReport.Totals(Money.ofOre(scheduledTotal), Money.ofOre(executedTotal),
                            Money.ofOre(returnedTotal), new SignedMoney(executedTotal - returnedTotal), countTotal));
        }

        static DurationReport duration(RandomHistory history, MunicipalityCode municipality, YearMonth end) {
            YearMonth start = end.minusMonths(11);
            Map<UUID, Set<YearMonth>> assistanceMonths = new HashMap<>();
            for (var payment : payments(history, municipality)) {
                if (payment.fate == RandomHistory.Fate.EXECUTED && !payment.benefitMonth.isBefore(start) && !payment.benefitMonth.isAfter(end)) {
                    assistanceMonths.computeIfAbsent(payment.householdId, household -> new HashSet<>()).add(payment.benefitMonth);
                }
            }
            var buckets = emptyBuckets();
            for (var months : assistanceMonths.values()) {
                buckets.merge(bucket(months.size()), 1L, Long::sum);
            }
            // per person and month: adult, if an adult in any household they were in that month
            Map<UUID, Map<YearMonth, Boolean>> persons = new HashMap<>();
            assistanceMonths.forEach((household, months) -> {
                for (var month : months) {
                    for (var stay : household(history, household).stays) {
                        if (stay.includes(month)) {
                            persons.computeIfAbsent(stay.personId, person -> new HashMap<>()).merge(month, adult(stay, month), Boolean::logicalOr);
                        }
                    }
                }
            });
            return new DurationReport(municipality, new DurationReport.Window(start.toString(), end.toString()), buckets,
                    assistanceMonths.size(), buckets.get("10-12"), new DurationReport.Persons(persons(persons, true), persons(persons, false)));
        }

        private static PersonBuckets persons(Map<UUID, Map<YearMonth, Boolean>> persons, boolean adults) {
            var buckets = emptyBuckets();
            for (var months : persons.values()) {
                long n = months.values().stream().filter(adult -> adult == adults).count();
                if (n > 0) {
                    buckets.merge(bucket((int) n), 1L, Long::sum);
                }
            }
            return new PersonBuckets(buckets, buckets.values().stream().mapToLong(Long::longValue).sum(), buckets.get("10-12"));
        }

        static ConsecutiveMonthsReport consecutive(RandomHistory history, MunicipalityCode municipality, YearMonth end, int min, int size) {
            Map<UUID, Set<YearMonth>> assistanceMonths = new HashMap<>();
            for (var payment : payments(history, municipality)) {
                if (payment.fate == RandomHistory.Fate.EXECUTED) {
                    assistanceMonths.computeIfAbsent(payment.householdId, household -> new HashSet<>()).add(payment.benefitMonth);
                }
            }
            var items = new ArrayList<ConsecutiveMonthsReport.Item>();
            assistanceMonths.forEach((household, months) -> {
                int run = 0;
                while (months.contains(end.minusMonths(run))) {
                    run++;
                }
                if (run >= min) {
                    items.add(new ConsecutiveMonthsReport.Item(household, run));
                }
            });
            items.sort(Comparator.comparing((ConsecutiveMonthsReport.Item item) -> -item.months()).thenComparing(ConsecutiveMonthsReport.Item::householdId));
            return new ConsecutiveMonthsReport(municipality, end.toString(), min, items.size(), items, 0, size, (long) items.size());
        }

        static KpiReport kpi(RandomHistory history, MunicipalityCode municipality, int year) {
            var durations = duration(history, municipality, YearMonth.of(year, 12));
            long adults = durations.persons().adults().total();
            long longTerm = durations.persons().adults().longTerm();
            long netPaid = 0;
            for (var payment : payments(history, municipality)) {
                if (payment.executed() && payment.benefitMonth.getYear() == year) {
                    netPaid += payment.fate == RandomHistory.Fate.RETURNED ? 0 : payment.amount;
                }
            }
            long recovered = history.claims.stream().filter(claim -> claim.municipality.equals(municipality))
                                           .flatMap(claim -> claim.repayments.stream())
                                           .filter(repayment -> repayment.receivedOn().getYear() == year)
                                           .mapToLong(RandomHistory.Repayment::amount).sum();
            return new KpiReport(municipality, year, durations.households(), adults, durations.persons().children().total(), longTerm,
                    adults == 0 ? null : new BigDecimal(longTerm * 100).divide(new BigDecimal(adults), 1, RoundingMode.HALF_UP),
                    new SignedMoney(netPaid), Money.ofOre(recovered));
        }

        /**
         * The extract's households for {@code month}: those with an executed, not returned payment for it, with the members
         * of that month and Socialstyrelsen's household type (domain.md §2.1) read off them.
         */
        static List<String> extract(RandomHistory history, MunicipalityCode municipality, YearMonth month) {
            Map<UUID, long[]> paid = new HashMap<>();
            for (var payment : payments(history, municipality)) {
                if (payment.fate == RandomHistory.Fate.EXECUTED && payment.benefitMonth.equals(month)) {
                    boolean subsistence = payment.legalBasis == LegalBasis.SOL_2025_12_1 || payment.legalBasis == LegalBasis.SOL_2001_4_1;
                    paid.computeIfAbsent(payment.householdId, id -> new long[2])[subsistence ? 0 : 1] += payment.amount;
                }
            }
            var lines = new ArrayList<String>();
            paid.forEach((householdId, amounts) -> {
                var stays = household(history, householdId).stays.stream().filter(stay -> stay.includes(month)).toList();
                int adults = (int) stays.stream().filter(stay -> adult(stay, month)).count();
                int children = stays.size() - adults;
                boolean allUnder18 = stays.stream().allMatch(stay -> stay.birthDate.plusYears(18).isAfter(month.atEndOfMonth()));
                boolean couple = stays.stream().anyMatch(stay -> stay.role == MemberRole.CO_APPLICANT);
                Sex sex = stays.stream().filter(stay -> stay.role == MemberRole.APPLICANT).findFirst().map(stay -> sexOf(stay.personId)).orElse(null);
                int type;
                if (stays.isEmpty()) {
                    type = 9;
                } else if (allUnder18) {
                    type = 1;
                } else if (couple) {
                    type = children == 0 ? 7 : 8;
                } else if (sex == Sex.MALE) {
                    type = children == 0 ? 3 : 4;
                } else if (sex == Sex.FEMALE) {
                    type = children == 0 ? 5 : 6;
                } else {
                    type = 9;
                }
                lines.add(extractLine(householdId, type, adults, children, amounts[0], amounts[1]));
            });
            return lines;
        }

        static String extractLine(UUID householdId, int type, int adults, int children, long subsistence, long beyondEntitlement) {
            return householdId + " type " + type + ", " + adults + " adults, " + children + " children, 12:1 " + subsistence + ", 12:2 "
                   + beyondEntitlement;
        }

        /** The histories have no personnummer: the applicant's sex stands in as male, female or unknown by person id. */
        static Sex sexOf(UUID personId) {
            return switch (Math.floorMod(personId.hashCode(), 3)) {
                case 0 -> Sex.MALE;
                case 1 -> Sex.FEMALE;
                default -> null;
            };
        }

        /** Applicant and co-applicant are adults; anyone else once 18 at the end of the month. */
        private static boolean adult(RandomHistory.Stay stay, YearMonth month) {
            return stay.role != MemberRole.CHILD || !stay.birthDate.plusYears(18).isAfter(month.atEndOfMonth());
        }

        private static List<RandomHistory.Payment> payments(RandomHistory history, MunicipalityCode municipality) {
            return history.payments.stream().filter(payment -> payment.municipality.equals(municipality)).toList();
        }

        private static RandomHistory.Household household(RandomHistory history, UUID id) {
            return history.households.stream().filter(household -> household.id.equals(id)).findFirst().orElseThrow();
        }

        private static LinkedHashMap<String, Long> emptyBuckets() {
            var buckets = new LinkedHashMap<String, Long>();
            for (String bucket : List.of("1-3", "4-6", "7-9", "10-12")) {
                buckets.put(bucket, 0L);
            }
            return buckets;
        }

        private static String bucket(int n) {
            return n <= 3 ? "1-3" : n <= 6 ? "4-6" : n <= 9 ? "7-9" : "10-12";
        }

        record Balances(se.benefitledger.projections.balances.RecoveryBalancesReport.Totals totals, List<String> items) {
        }

        /** A claim as it stood at the end of {@code asOf} (null: everything), summing its movements up to that day. */
        record ClaimAsOf(RandomHistory.Claim claim, long principal, long repaid, long waived, long writtenOff, long refundDue) {
            long outstanding() {
                return principal - repaid - waived - writtenOff;
            }

            ClaimStatus status() {
                return outstanding() > 0 ? ClaimStatus.OPEN : writtenOff > 0 ? ClaimStatus.WRITTEN_OFF : ClaimStatus.CLOSED;
            }
        }

        static ClaimAsOf asOf(RandomHistory.Claim claim, LocalDate asOf) {
            long principal = 0;
            long repaid = 0;
            long waived = 0;
            long writtenOff = 0;
            long refundDue = 0;
            for (var movement : claim.movements) {
                if (asOf == null || !movement.on().isAfter(asOf)) {
                    principal += movement.principal();
                    repaid += movement.repaid();
                    waived += movement.waived();
                    writtenOff += movement.writtenOff() - movement.reinstated();
                    refundDue += movement.overpaid() - movement.refunded();
                }
            }
            return new ClaimAsOf(claim, principal, repaid, waived, writtenOff, refundDue);
        }

        static Balances balances(RandomHistory history, MunicipalityCode municipality, ClaimStatus status, LocalDate asOf) {
            var matching = history.claims.stream()
                                         .filter(claim -> claim.municipality.equals(municipality))
                                         .filter(claim -> asOf == null || !claim.decidedOn.isAfter(asOf))
                                         .map(claim -> asOf(claim, asOf))
                                         .filter(claim -> status == null || claim.status() == status)
                                         .toList();
            return new Balances(new se.benefitledger.projections.balances.RecoveryBalancesReport.Totals(matching.size(),
                    Money.ofOre(matching.stream().mapToLong(ClaimAsOf::principal).sum()),
                    Money.ofOre(matching.stream().mapToLong(ClaimAsOf::repaid).sum()),
                    Money.ofOre(matching.stream().mapToLong(ClaimAsOf::waived).sum()),
                    Money.ofOre(matching.stream().mapToLong(ClaimAsOf::writtenOff).sum()),
                    Money.ofOre(matching.stream().mapToLong(ClaimAsOf::outstanding).sum()),
                    Money.ofOre(matching.stream().mapToLong(ClaimAsOf::refundDue).sum())),
                    matching.stream().map(claim -> claim.claim().id + " " + Money.ofOre(claim.outstanding()) + " " + Money.ofOre(claim.refundDue())
                            + " " + claim.status()).toList());
        }

        /** Every movement counted in the month (and year) of its day; the receivable summed over everything up to the period's end. */
        static se.benefitledger.projections.balances.RecoveryFlowsReport flows(RandomHistory history, MunicipalityCode municipality, YearMonth from, YearMonth to) {
            var months = new ArrayList<se.benefitledger.projections.balances.RecoveryFlowsReport.Month>();
            var years = new ArrayList<se.benefitledger.projections.balances.RecoveryFlowsReport.Year>();
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                long[] sums = sums(history, municipality, month.atDay(1), month.atEndOfMonth());
                months.add(new se.benefitledger.projections.balances.RecoveryFlowsReport.Month(month.toString(), sums[0], Money.ofOre(sums[1]),
                        Money.ofOre(sums[2]), Money.ofOre(sums[3]), Money.ofOre(sums[4]), Money.ofOre(sums[5]),
                        Money.ofOre(receivable(history, municipality, month.atEndOfMonth())), Money.ofOre(sums[6])));
            }
            for (int year = from.getYear(); year <= to.getYear(); year++) {
                LocalDate start = year == from.getYear() ? from.atDay(1) : LocalDate.of(year, 1, 1);
                LocalDate end = year == to.getYear() ? to.atEndOfMonth() : LocalDate.of(year, 12, 31);
                long[] sums = sums(history, municipality, start, end);
                years.add(new se.benefitledger.projections.balances.RecoveryFlowsReport.Year(year, sums[0], Money.ofOre(sums[1]),
                        Money.ofOre(sums[2]), Money.ofOre(sums[3]), Money.ofOre(sums[4]), Money.ofOre(sums[5]),
                        Money.ofOre(receivable(history, municipality, end)), Money.ofOre(sums[6])));
            }
            long[] total = sums(history, municipality, from.atDay(1), to.atEndOfMonth());
            return new se.benefitledger.projections.balances.RecoveryFlowsReport(municipality, from.toString(), to.toString(), months,
                    years, new se.benefitledger.projections.balances.RecoveryFlowsReport.Totals(total[0], Money.ofOre(total[1]),
                    Money.ofOre(total[2]), Money.ofOre(total[3]), Money.ofOre(total[4]), Money.ofOre(total[5]),
                    Money.ofOre(receivable(history, municipality, to.atEndOfMonth())), Money.ofOre(total[6])));
        }

        /** claims opened, principal, repaid, waived, written off, refunded, overpaid between the two days. */
        private static long[] sums(RandomHistory history, MunicipalityCode municipality, LocalDate from, LocalDate to) {
            long[] sums = new long[7];
            for (var claim : history.claims) {
                if (!claim.municipality.equals(municipality)) {
                    continue;
                }
                for (var movement : claim.movements) {
                    if (!movement.on().isBefore(from) && !movement.on().isAfter(to)) {
                        sums[0] += movement.principal() > 0 ? 1 : 0;
                        sums[1] += movement.principal();
                        sums[2] += movement.repaid();
                        sums[3] += movement.waived();
                        sums[4] += movement.writtenOff();
                        sums[5] += movement.refunded();
                        sums[6] += movement.overpaid();
                    }
                }
            }
            return sums;
        }

        private static long receivable(RandomHistory history, MunicipalityCode municipality, LocalDate day) {
            return history.claims.stream().filter(claim -> claim.municipality.equals(municipality) && !claim.decidedOn.isAfter(day)).mapToLong(claim -> asOf(claim, day).outstanding()).sum();
        }

        static String batchLine(RandomHistory.Batch batch) {
            var executed = batch.payments().stream().filter(RandomHistory.Payment::executed).toList();
            var rejected = batch.payments().stream().filter(payment -> payment.fate == RandomHistory.Fate.REJECTED).toList();
            var returned = batch.payments().stream().filter(payment -> payment.fate == RandomHistory.Fate.RETURNED).toList();
            return String.join(" ", batch.id().toString(), batch.payoutDate().toString(), batch.settled() ? "SETTLED" : "CREATED",
                    count(batch.payments()), count(executed), count(rejected), count(returned),
                    Integer.toString(batch.payments().size() - executed.size() - rejected.size()));
        }

        static String batchLine(se.benefitledger.projections.reconciliation.ReconciliationReport.Batch batch) {
            return String.join(" ", batch.batchId().toString(), batch.payoutDate().toString(), batch.status().name(),
                    batch.paymentCount() + "/" + batch.controlTotal(), batch.executedCount() + "/" + batch.executedTotal(),
                    batch.rejectedCount() + "/" + batch.rejectedTotal(), batch.returnedCount() + "/" + batch.returnedTotal(),
                    Integer.toString(batch.unsettledCount()));
        }

        private static String count(List<RandomHistory.Payment> payments) {
            return payments.size() + "/" + Money.ofOre(payments.stream().mapToLong(payment -> payment.amount).sum());
        }
    }
}
