package se.benefitledger.projections.household;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import se.benefitledger.core.household.HouseholdClosedEvent;
import se.benefitledger.core.household.HouseholdRegisteredEvent;
import se.benefitledger.core.household.HouseholdStatus;
import se.benefitledger.core.household.MemberDepartedEvent;
import se.benefitledger.core.household.MemberJoinedEvent;
import se.benefitledger.projections.sql.Sql;
import se.benefitledger.projections.sql.SqlBatch;

import java.time.Instant;

/**
 * Keeps the {@code household}, {@code household_member} (current members) and
 * {@code household_membership} (members by month) tables. Runs in the command's own
 * transaction, so the unique index on active memberships refuses a second active household for
 * the same person together with the command that tried it.
 */
@Component
@ProcessingGroup(HouseholdProjection.PROCESSING_GROUP)
class HouseholdProjection {

    static final String PROCESSING_GROUP = "household-view";

    private final SqlBatch sql;

    HouseholdProjection(SqlBatch sql) {
        this.sql = sql;
    }

    @EventHandler
    void on(HouseholdRegisteredEvent event, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        sql.insertNew("INSERT INTO household (household_id, municipality, status, version, registered_at) VALUES (?, ?, ?, ?, ?)",
                event.householdId(), event.municipality().code(), HouseholdStatus.ACTIVE.name(), version, Sql.timestamp(recordedAt));
        for (var member : event.members()) {
            // in its place: a person is active in one household of a municipality, and an earlier statement may end that
            sql.update("""
                    INSERT INTO household_member (household_id, person_id, role, birth_date, municipality, active)
                    VALUES (?, ?, ?, ?, ?, TRUE)""",
                    event.householdId(), member.personId(), member.role().name(), member.birthDate(), event.municipality().code());
            sql.insertNew("INSERT INTO household_membership (household_id, person_id, role, birth_date) VALUES (?, ?, ?, ?)",
                    event.householdId(), member.personId(), member.role().name(), member.birthDate());
        }
    }

    /** A member who left and comes back is a current member again, in the role they come back in. */
    @EventHandler
    void on(MemberJoinedEvent event, @SequenceNumber long version) {
        var member = event.member();
        sql.update("UPDATE household SET version = ? WHERE household_id = ?", version, event.householdId());
        sql.update("""
                INSERT INTO household_member (household_id, person_id, role, birth_date, municipality, active)
                VALUES (?, ?, ?, ?, ?, TRUE)
                ON CONFLICT (household_id, person_id) DO UPDATE SET role = EXCLUDED.role, active = TRUE""",
                event.householdId(), member.personId(), member.role().name(), member.birthDate(), event.municipality().code());
        sql.update("INSERT INTO household_membership (household_id, person_id, role, birth_date, from_month) VALUES (?, ?, ?, ?, ?)",
                event.householdId(), member.personId(), member.role().name(), member.birthDate(), event.fromMonth().toString());
    }

    @EventHandler
    void on(MemberDepartedEvent event, @SequenceNumber long version) {
        sql.update("UPDATE household SET version = ? WHERE household_id = ?", version, event.householdId());
        sql.update("UPDATE household_member SET active = FALSE WHERE household_id = ? AND person_id = ?", event.householdId(), event.personId());
        sql.update("""
                UPDATE household_membership SET departure_month = ?
                WHERE household_id = ? AND person_id = ? AND departure_month IS NULL""",
                event.month().toString(), event.householdId(), event.personId());
    }

    @EventHandler
    void on(HouseholdClosedEvent event, @SequenceNumber long version) {
        sql.update("UPDATE household SET status = ?, version = ?, closure_reason = ?, closure_effective_month = ? WHERE household_id = ?",
                HouseholdStatus.CLOSED.name(), version, event.reason().name(), event.effectiveMonth().toString(), event.householdId());
        sql.update("UPDATE household_member SET active = FALSE WHERE household_id = ?", event.householdId());
    }
}
