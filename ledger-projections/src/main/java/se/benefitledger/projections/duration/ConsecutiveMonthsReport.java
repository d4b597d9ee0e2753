package se.benefitledger.projections.duration;

import com.fasterxml.jackson.annotation.JsonInclude;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.List;
import java.util.UUID;

/**
 * Households whose unbroken run of assistance months ending with {@code month} is at least
 * {@code min}: {@code count} of them, and one page of them, longest run first. Without the items
 * (a caller who may not see household ids) only the count is shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsecutiveMonthsReport(MunicipalityCode municipality, String month, int min, long count, List<Item> items, Integer page,
                                      Integer size, Long total) {

    public record Item(UUID householdId, int months) {
    }

    public ConsecutiveMonthsReport withoutItems() {
        return new ConsecutiveMonthsReport(municipality, month, min, count, null, null, null, null);
    }
}
