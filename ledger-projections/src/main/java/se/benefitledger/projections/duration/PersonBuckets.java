package se.benefitledger.projections.duration;

import java.util.Map;

/** Persons by number of assistance months inside a window; {@code longTerm} = the 10-12 bucket (långvarigt). */
public record PersonBuckets(Map<String, Long> buckets, long total, long longTerm) {

    static PersonBuckets of(Map<String, Long> buckets) {
        return new PersonBuckets(buckets, buckets.values().stream().mapToLong(Long::longValue).sum(), buckets.get("10-12"));
    }
}
