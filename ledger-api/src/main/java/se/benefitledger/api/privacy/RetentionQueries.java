package se.benefitledger.api.privacy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The weeding rule of SoL 2025:400 16 kap. 1 § (domain.md §5.3): a person's data is due for erasure 5 years after the
 * last entry about them (the last event of any household they were a member of, or of its decisions, payments and
 * claims), but not while other data on them is still kept: never while one of their households is ACTIVE or has a
 * recovery claim with money outstanding. Weeding must be done by the end of the following calendar year.
 * The exceptions of 16:2–16:4 (e.g. child-protection files, the research sample) are not modelled: such persons
 * must not be erased by the job, see docs/privacy-and-audit.md.
 */
@Repository
class RetentionQueries {

    static final int RETENTION_YEARS = 5;

    /** A person due for erasure: when the last entry was made, since when they are due, and by when weeding must be done. */
    record Due(UUID personId, LocalDate lastEntryOn, LocalDate dueSince, LocalDate weedBy) {
    }

    record Page(List<Due> items, long total) {
    }

    private static final String DUE = """
            WITH member AS (
                SELECT m.person_id, m.household_id FROM household_member m
                JOIN pii_subject s ON s.subject_id = m.person_id AND s.wrapped_key IS NOT NULL
            ), kept AS (
                SELECT member.person_id FROM member JOIN household h ON h.household_id = member.household_id WHERE h.status = 'ACTIVE'
                UNION
                SELECT member.person_id FROM member JOIN recovery_claim c ON c.household_id = member.household_id
                WHERE c.principal_ore - c.repaid_ore - c.waived_ore - c.written_off_ore > 0
            ), last_entry AS (
                SELECT member.person_id, max(e.time_stamp::timestamptz AT TIME ZONE 'Europe/Stockholm')::date AS last_entry_on
                FROM member
                JOIN history_aggregate a ON a.household_id = member.household_id
                JOIN domain_event_entry e ON e.aggregate_identifier = a.aggregate_id
                WHERE member.person_id NOT IN (SELECT person_id FROM kept)
                GROUP BY member.person_id
            )
            SELECT person_id, last_entry_on FROM last_entry WHERE last_entry_on <= ?::date - make_interval(years =>\s"""
            + RETENTION_YEARS + ")";

    private final JdbcClient jdbc;

    RetentionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page due(LocalDate asOf, long offset, int limit) {
        long total = jdbc.sql("SELECT count(*) FROM (" + DUE + ") due").param(Date.valueOf(asOf)).query(Long.class).single();
        var items = jdbc.sql(DUE + " ORDER BY last_entry_on, person_id OFFSET ? LIMIT ?")
                        .params(Date.valueOf(asOf), offset, limit)
                        .query((rs, row) -> due(rs.getObject("person_id", UUID.class), rs.getDate("last_entry_on").toLocalDate()))
                        .list();
        return new Page(items, total);
    }

    private static Due due(UUID personId, LocalDate lastEntryOn) {
        LocalDate dueSince = lastEntryOn.plusYears(RETENTION_YEARS);
        return new Due(personId, lastEntryOn, dueSince, LocalDate.of(dueSince.getYear() + 1, 12, 31));
    }
}
