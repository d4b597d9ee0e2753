package se.benefitledger.tools.benchmark;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.HouseholdRegisteredEvent;
import se.benefitledger.core.household.MemberDepartedEvent;
import se.benefitledger.core.household.MemberJoinedEvent;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.payment.PaymentExecutedEvent;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static se.benefitledger.tools.benchmark.Harness.option;
import static se.benefitledger.tools.benchmark.Harness.seconds;

/**
 * What the monthly-spend projection's writes cost: {@code --households=N} households registered
 * (2 or 3 members), paid for every month of 2025 (one executed payment per household and month;
 * every tenth household's second member moves to the next household in July), handled by the real
 * projection in batches of 1,000 events, each batch in one transaction as the pooled processor
 * runs it, on an embedded PostgreSQL migrated as the service's. Prints events per second, and the pages its
 * year rows (persons') take once vacuumed. {@code --projection=duration-buckets} runs the duration-buckets
 * projection instead, with its households' year rows.
 */
public final class MonthlySpendWriteBenchmark {

    private static final MunicipalityCode MUNICIPALITY = MunicipalityCode.of("0180");
    private static final int BATCH = 1_000;

    private MonthlySpendWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int households = Integer.parseInt(option(args, "households", "20000"));
        var projected = Projected.valueOf(option(args, "projection", "monthly-spend").toUpperCase(Locale.ROOT).replace('-', '_'));
        try (var database = MigratedDatabase.start()) {
            var dataSource = database.dataSource;
            var type = Class.forName(projected.handler);
            var projection = new AnnotationEventHandlerAdapter(database.wire(type).getBean(type));
            var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

            var events = events(households);
            long start = System.nanoTime();
            for (int from = 0; from < events.size(); from += BATCH) {
                var batch = events.subList(from, Math.min(events.size(), from + BATCH));
                transactions.executeWithoutResult(status -> {
                    var unitOfWork = new BatchingUnitOfWork<>(batch);
                    unitOfWork.executeWithResult(() -> projection.handle(unitOfWork.getMessage()));
                });
            }
            double seconds = seconds(start);
            System.out.printf("%,d events (%,d households, 12 months) through %s in %.1f s: %,.0f events/s%n", events.size(),
                    households, projected.name().toLowerCase(Locale.ROOT).replace('_', '-'), seconds, events.size() / seconds);
            var jdbc = new JdbcTemplate(dataSource);
            // what every duration-buckets report reads: how far a year of monthly updates spread the year rows
            jdbc.execute("VACUUM ANALYZE " + projected.yearRows);
            System.out.printf("%s after the year, vacuumed: %,d rows on %,d pages%n", projected.yearRows,
                    jdbc.queryForObject("SELECT count(*) FROM " + projected.yearRows, Long.class),
                    jdbc.queryForObject("SELECT relpages FROM pg_class WHERE relname = ?", Long.class, projected.yearRows));
            if (projected == Projected.MONTHLY_SPEND) {
                System.out.println("2025-07: " + jdbc.queryForMap(
                        "SELECT * FROM spend_month WHERE municipality = ? AND basis = 'BENEFIT_MONTH' AND month = '2025-07'", MUNICIPALITY.code()));
            }
        }
    }

    /** A projection that keeps year rows: its handler class (package-private) and the table. */
    private enum Projected {
        MONTHLY_SPEND("se.benefitledger.projections.spend.MonthlySpendProjection", "spend_person_year"),
        DURATION_BUCKETS("se.benefitledger.projections.duration.DurationProjection", "duration_household_year");

        private final String handler;
        private final String yearRows;

        Projected(String handler, String yearRows) {
            this.handler = handler;
            this.yearRows = yearRows;
        }
    }

    private static List<EventMessage<?>> events(int households) {
        var ids = new UUID[households + 1];
        var second = new HouseholdMember[households + 1];
        var events = new ArrayList<EventMessage<?>>();
        for (int h = 1; h <= households; h++) {
            ids[h] = UUID.randomUUID();
            var members = new ArrayList<HouseholdMember>();
            members.add(new HouseholdMember(UUID.randomUUID(), MemberRole.APPLICANT, LocalDate.of(1980, 1, 1).plusDays(h % 5000)));
            second[h] = new HouseholdMember(UUID.randomUUID(), h % 3 == 0 ? MemberRole.CO_APPLICANT : MemberRole.CHILD,
                    LocalDate.of(2007, 1, 1).plusDays(h % 3650));
            members.add(second[h]);
            if (h % 2 == 0) {
                members.add(new HouseholdMember(UUID.randomUUID(), MemberRole.CHILD, LocalDate.of(2006, 6, 1).plusDays(h % 4000)));
            }
            events.add(GenericEventMessage.asEventMessage(new HouseholdRegisteredEvent(ids[h], MUNICIPALITY, members)));
        }
        for (int m = 1; m <= 12; m++) {
            var month = new BenefitMonth(YearMonth.of(2025, m));
            if (m == 7) {
                for (int h = 10; h < households; h += 10) {
                    events.add(GenericEventMessage.asEventMessage(new MemberDepartedEvent(ids[h], MUNICIPALITY, second[h].personId(), month)));
                    events.add(GenericEventMessage.asEventMessage(new MemberJoinedEvent(ids[h + 1], MUNICIPALITY,
                            new HouseholdMember(second[h].personId(), MemberRole.CO_APPLICANT, second[h].birthDate()), month)));
                }
            }
            for (int h = 1; h <= households; h++) {
                events.add(GenericEventMessage.asEventMessage(new PaymentExecutedEvent(UUID.randomUUID(), UUID.randomUUID(), ids[h], MUNICIPALITY,
                        month, Money.ofOre(900_000), month.value().atDay(1).minusDays(3))));
            }
        }
        return events;
    }
}
