package se.benefitledger.api.household;

import jakarta.validation.constraints.NotNull;
import se.benefitledger.core.shared.BenefitMonth;

/** {@code month}: the first month the person is no longer a member. */
record DepartureRequest(@NotNull BenefitMonth month) {
}
