package se.benefitledger.projections.household;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.benefitledger.core.household.HouseholdClosedEvent;
import se.benefitledger.core.household.HouseholdRegisteredEvent;
import se.benefitledger.core.household.HouseholdStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps the {@code household} and {@code household_member} tables. Runs in the command's own
 * transaction, so the unique index on active memberships refuses a second active household for
 * the same person together with the command that tried it.
 */
@Component
@ProcessingGroup(HouseholdProjection.PROCESSING_GROUP)
class HouseholdProjection {

    static final String PROCESSING_GROUP = "household-view";

    private final JdbcClient jdbc;

    HouseholdProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(HouseholdRegisteredEvent event, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                INSERT INTO household (household_id, municipality, status, version, registered_at)
                VALUES (?, ?, ?, ?, ?)""")
            .params(event.householdId(), event.municipality().code(), HouseholdStatus.ACTIVE.name(), version,
                    OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC))
            .update();
        for (var member : event.members()) {
            jdbc.sql("""
                    INSERT INTO household_member (household_id, person_id, role, birth_date, municipality, active)
                    VALUES (?, ?, ?, ?, ?, TRUE)""")
                .params(event.householdId(), member.personId(), member.role().name(), member.birthDate(),
                        event.municipality().code())
                .update();
        }
    }

    @EventHandler
    void on(HouseholdClosedEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                UPDATE household SET status = ?, version = ?, closure_reason = ?, closure_effective_month = ?
                WHERE household_id = ?""")
            .params(HouseholdStatus.CLOSED.name(), version, event.reason().name(), event.effectiveMonth().toString(),
                    event.householdId())
            .update();
        jdbc.sql("UPDATE household_member SET active = FALSE WHERE household_id = ?")
            .param(event.householdId())
            .update();
    }
}
