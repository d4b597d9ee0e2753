package se.benefitledger.projections.household;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.core.household.ClosureReason;
import se.benefitledger.core.household.HouseholdStatus;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.sql.Sql;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the household read model. */
@Service
public class HouseholdQueries {

    private final JdbcClient jdbc;

    HouseholdQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<HouseholdView> find(UUID householdId) {
        return jdbc.sql("""
                        SELECT household_id, municipality, status, version, closure_reason, closure_effective_month
                        FROM household WHERE household_id = ?""")
                   .param(householdId)
                   .query((rs, row) -> new HouseholdView(
                           rs.getObject("household_id", UUID.class),
                           MunicipalityCode.of(rs.getString("municipality")),
                           HouseholdStatus.valueOf(rs.getString("status")),
                           rs.getLong("version"),
                           Optional.ofNullable(rs.getString("closure_reason")).map(ClosureReason::valueOf).orElse(null),
                           Optional.ofNullable(rs.getString("closure_effective_month")).map(BenefitMonth::parse).orElse(null),
                           members(householdId)))
                   .optional();
    }

    /** The municipality, locking the row for the caller's transaction (see ScopedResource). */
    public Optional<MunicipalityCode> lockMunicipalityOf(UUID householdId) {
        return Sql.municipality(jdbc, "household", "household_id", householdId, true);
    }

    public Optional<MunicipalityCode> municipalityOf(UUID householdId) {
        return Sql.municipality(jdbc, "household", "household_id", householdId, false);
    }

    /** Households the person is or was a member of, newest first. */
    public List<HouseholdView> findByPerson(UUID personId) {
        return jdbc.sql("""
                        SELECT m.household_id FROM household_member m JOIN household h USING (household_id)
                        WHERE m.person_id = ? ORDER BY h.registered_at DESC""")
                   .param(personId)
                   .query(UUID.class)
                   .list()
                   .stream()
                   .flatMap(id -> find(id).stream())
                   .toList();
    }

    /** Whether the person is a current member of the household. */
    public boolean isCurrentMember(UUID householdId, UUID personId) {
        return jdbc.sql("SELECT count(*) FROM household_member WHERE household_id = ? AND person_id = ? AND active")
                   .params(householdId, personId).query(Long.class).single() > 0;
    }

    /** Whether the person is or was a member of the household. */
    public boolean isOrWasMember(UUID householdId, UUID personId) {
        return jdbc.sql("SELECT count(*) FROM household_member WHERE household_id = ? AND person_id = ?")
                   .params(householdId, personId).query(Long.class).single() > 0;
    }

    /** Which of these persons already belong to an ACTIVE household of the municipality. */
    public List<UUID> personsInActiveHousehold(MunicipalityCode municipality, Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT person_id FROM household_member
                        WHERE active AND municipality = ? AND person_id = ANY (?)""")
                   .params(municipality.code(), personIds.toArray(UUID[]::new))
                   .query(UUID.class)
                   .list();
    }

    private List<HouseholdView.Member> members(UUID householdId) {
        return jdbc.sql("""
                        SELECT person_id, role, birth_date, from_month, departure_month FROM household_membership WHERE household_id = ?
                        ORDER BY departure_month IS NOT NULL, CASE role WHEN 'APPLICANT' THEN 0 WHEN 'CO_APPLICANT' THEN 1 ELSE 2 END,
                                 birth_date, from_month NULLS FIRST""")
                   .param(householdId)
                   .query((rs, row) -> new HouseholdView.Member(
                           rs.getObject("person_id", UUID.class),
                           MemberRole.valueOf(rs.getString("role")),
                           rs.getObject("birth_date", java.time.LocalDate.class),
                           Optional.ofNullable(rs.getString("from_month")).map(BenefitMonth::parse).orElse(null),
                           Optional.ofNullable(rs.getString("departure_month")).map(BenefitMonth::parse).orElse(null)))
                   .list();
    }
}
