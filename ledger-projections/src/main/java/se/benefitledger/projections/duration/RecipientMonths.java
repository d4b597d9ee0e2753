package se.benefitledger.projections.duration;

import se.benefitledger.core.household.HouseholdMember;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Person-level counting (domain.md §9.4), pure: a person's assistance months are the assistance
 * months of the households they were a member of in that month, counted once however many such
 * households there were. In a month the person is an adult recipient when they count as an adult
 * in any of those households ({@link HouseholdMember#adultIn}), else a child; a person who turns 18
 * inside a window has child months and adult months, and is counted in each measure with those.
 */
public final class RecipientMonths {

    /** Per person and month: adult (true) or child (false). */
    private final Map<UUID, Map<YearMonth, Boolean>> persons = new HashMap<>();

    /** The member's household had {@code month} as an assistance month and the member was in it that month. */
    public void add(HouseholdMember member, YearMonth month) {
        persons.computeIfAbsent(member.personId(), person -> new HashMap<>()).merge(month, member.adultIn(month), Boolean::logicalOr);
    }

    /** Adults by their number of adult assistance months (a 12-month window: 1 to 12). */
    public PersonBuckets adults() {
        return buckets(true);
    }

    /** Children by their number of child assistance months. */
    public PersonBuckets children() {
        return buckets(false);
    }

    private PersonBuckets buckets(boolean adult) {
        var buckets = new LinkedHashMap<String, Long>();
        AssistanceMonths.BUCKETS.forEach(bucket -> buckets.put(bucket, 0L));
        for (var months : persons.values()) {
            int n = (int) months.values().stream().filter(isAdult -> isAdult == adult).count();
            if (n > 0) {
                buckets.merge(AssistanceMonths.bucket(n), 1L, Long::sum);
            }
        }
        return PersonBuckets.of(buckets);
    }
}
