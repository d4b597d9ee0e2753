package se.benefitledger.core.decision;

import se.benefitledger.core.shared.Money;

import java.util.Objects;

public record DecisionLine(LineType type, Money amount) {

    public DecisionLine {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
    }
}
