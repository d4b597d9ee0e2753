package se.benefitledger.projections.duration;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.core.payment.PaymentExecutedEvent;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month that starts for a thousand assisted households sets a bit in each of their year rows, which were inserted
 * together and fill their pages: each new row version must find room on its own page (V95), or it goes to another
 * page with a new index entry, and a year of such months spreads a municipality's rows over five times the pages
 * every duration-buckets report reads (BENCHMARKS.md). In a transaction rolled back.
 */
@LedgerApiTest
class DurationYearPagesTest {

    private static final int MARCH = 1 << 2;
    private static final int APRIL = 1 << 3;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aMonthsUpdatesOfTheHouseholdYearsStayOnTheirPages() {
        var municipality = MunicipalityCode.of(Municipalities.fresh());
        var households = IntStream.range(0, 1_000).mapToObj(i -> UUID.randomUUID()).sorted().toList();
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            transaction.setRollbackOnly();
            jdbc.batchUpdate("INSERT INTO duration_household_year (municipality, year, household_id, months) VALUES (?, 2025, ?, ?)",
                    households.stream().map(household -> new Object[]{municipality.code(), household, MARCH}).toList());
            String pages = "SELECT (ctid::text::point)[0]::bigint FROM duration_household_year WHERE household_id = ANY(?) ORDER BY household_id";
            Object[] ids = {households.toArray(UUID[]::new)};
            var before = jdbc.queryForList(pages, Long.class, ids);
            List<EventMessage<?>> april = households.stream().<EventMessage<?>>map(household -> GenericEventMessage.asEventMessage(
                    new PaymentExecutedEvent(UUID.randomUUID(), UUID.randomUUID(), household, municipality, new BenefitMonth(YearMonth.of(2025, 4)),
                            Money.ofOre(900_000), LocalDate.of(2025, 3, 28)))).toList();
            var projection = new AnnotationEventHandlerAdapter(new DurationProjection(jdbc));
            var unitOfWork = new BatchingUnitOfWork<>(april);

            unitOfWork.executeWithResult(() -> projection.handle(unitOfWork.getMessage()));

            assertThat(jdbc.queryForObject("SELECT count(*) FROM duration_household_year WHERE household_id = ANY(?) AND months = ?",
                    Long.class, households.toArray(UUID[]::new), MARCH | APRIL)).as("every household year has April now").isEqualTo(1_000);
            var after = jdbc.queryForList(pages, Long.class, ids);
            assertThat(IntStream.range(0, before.size()).filter(i -> before.get(i).equals(after.get(i))).count())
                    .as("household years still on the page they were on").isGreaterThanOrEqualTo(950);
        });
    }
}
