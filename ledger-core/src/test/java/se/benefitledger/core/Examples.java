package se.benefitledger.core;

import se.benefitledger.core.decision.DecisionAmountReservedEvent;
import se.benefitledger.core.decision.DecisionLine;
import se.benefitledger.core.decision.DecisionMadeEvent;
import se.benefitledger.core.decision.DecisionOutcome;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.decision.LineType;
import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.payment.PaymentBatchedEvent;
import se.benefitledger.core.payment.PaymentExecutedEvent;
import se.benefitledger.core.payment.PaymentScheduledEvent;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A household's March 2021 decision of 10,000.00 and events of its payments, for domain tests. */
public final class Examples {

    public static final MunicipalityCode TROSA = MunicipalityCode.of("0488");
    public static final BenefitMonth MARCH = BenefitMonth.of(2021, 3);
    public static final LocalDate DUE = LocalDate.of(2021, 2, 25);
    public static final LocalDate PAYOUT = LocalDate.of(2021, 2, 25);
    public static final LocalDate DECIDED = LocalDate.of(2021, 2, 15);

    public final UUID householdId = UUID.randomUUID();
    public final UUID decisionId = UUID.randomUUID();
    public final UUID payeeId = UUID.randomUUID();

    public DecisionMadeEvent decisionOf(String approved) {
        return new DecisionMadeEvent(decisionId, householdId, TROSA, MARCH, DecisionOutcome.GRANTED, LegalBasis.SOL_2025_12_1,
                List.of(new DecisionLine(LineType.NORM, Money.parse(approved))), List.of(), Money.parse(approved), DECIDED);
    }

    public DecisionAmountReservedEvent reserved(UUID paymentId, String amount) {
        return new DecisionAmountReservedEvent(decisionId, paymentId, Money.parse(amount));
    }

    public PaymentScheduledEvent scheduled(UUID paymentId, String amount) {
        return new PaymentScheduledEvent(paymentId, decisionId, householdId, TROSA, MARCH, LegalBasis.SOL_2025_12_1, Money.parse(amount), DUE,
                PayeeType.HOUSEHOLD, payeeId, null);
    }

    public PaymentBatchedEvent batched(UUID paymentId, UUID batchId) {
        return new PaymentBatchedEvent(paymentId, batchId, TROSA, PAYOUT);
    }

    public PaymentExecutedEvent executed(UUID paymentId, UUID batchId, String amount, LocalDate on) {
        return new PaymentExecutedEvent(paymentId, batchId, householdId, TROSA, MARCH, Money.parse(amount), on);
    }
}
