package se.benefitledger.projections.duration;

import se.benefitledger.core.shared.MunicipalityCode;

import java.util.Map;

/**
 * Households by number of assistance months inside the window; {@code households} = Σ buckets,
 * {@code longTermHouseholds} = the 10-12 bucket (långvarigt ekonomiskt bistånd); {@code persons}
 * the same for adult and child recipients, each person once a month (domain.md §9.4).
 */
public record DurationReport(MunicipalityCode municipality, Window window, Map<String, Long> buckets, long households, long longTermHouseholds,
                             Persons persons) {

    public record Window(String from, String to) {
    }

    public record Persons(PersonBuckets adults, PersonBuckets children) {
    }
}
