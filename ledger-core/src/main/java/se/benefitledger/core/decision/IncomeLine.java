package se.benefitledger.core.decision;

import se.benefitledger.core.shared.Money;

import java.util.Objects;

public record IncomeLine(IncomeType type, Money amount) {

    public IncomeLine {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
    }
}
