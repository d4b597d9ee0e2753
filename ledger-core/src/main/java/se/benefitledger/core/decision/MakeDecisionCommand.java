package se.benefitledger.core.decision;

import se.benefitledger.core.shared.LegalBasis;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.benefitledger.core.shared.BenefitMonth;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Decides a household's application for a benefit month on {@code decidedOn}. Handled by the household, which must be ACTIVE.
 */
public record MakeDecisionCommand(@TargetAggregateIdentifier UUID householdId,
                                  UUID decisionId,
                                  BenefitMonth benefitMonth,
                                  DecisionOutcome outcome,
                                  LegalBasis legalBasis,
                                  List<DecisionLine> lines,
                                  List<IncomeLine> incomes,
                                  LocalDate decidedOn) {

    public MakeDecisionCommand {
        lines = List.copyOf(lines);
        incomes = List.copyOf(incomes);
        Objects.requireNonNull(decidedOn, "decidedOn");
    }
}
