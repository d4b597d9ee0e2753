package se.benefitledger.core.payment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.benefitledger.core.Examples;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.StateConflict;

import java.time.LocalDate;
import java.util.UUID;

import static se.benefitledger.core.Examples.MARCH;
import static se.benefitledger.core.Examples.TROSA;

class PaymentTest {

    private static final LocalDate EXECUTED_ON = LocalDate.of(2021, 2, 25);
    private final Examples example = new Examples();
    private final UUID paymentId = UUID.randomUUID();
    private final UUID batchId = UUID.randomUUID();
    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    @Test
    void recordsTheReturnOfAnExecutedPayment() {
        fixture.given(example.scheduled(paymentId, "8450.00"), example.batched(paymentId, batchId),
                      example.executed(paymentId, batchId, "8450.00", EXECUTED_ON))
               .when(new ReturnPaymentCommand(paymentId, LocalDate.of(2021, 3, 2), "account closed", null))
               .expectEvents(new PaymentReturnedEvent(paymentId, batchId, example.householdId, TROSA, MARCH, Money.parse("8450.00"), EXECUTED_ON,
                       LocalDate.of(2021, 3, 2), "account closed"));
    }

    @Test
    void onlyAnExecutedPaymentCanBeReturned() {
        fixture.given(example.scheduled(paymentId, "8450.00"), example.batched(paymentId, batchId))
               .when(new ReturnPaymentCommand(paymentId, LocalDate.of(2021, 3, 2), "account closed", null))
               .expectException(StateConflict.class)
               .expectExceptionMessage("payment " + paymentId + " is BATCHED; it must be EXECUTED to be returned")
               .expectNoEvents();
    }

    @Test
    void aPaymentFoundErroneousCannotBeReturned() {
        fixture.given(example.scheduled(paymentId, "8450.00"), example.batched(paymentId, batchId),
                      example.executed(paymentId, batchId, "8450.00", EXECUTED_ON),
                      new PaymentFoundErroneousEvent(paymentId, example.householdId, TROSA, MARCH, Money.parse("2000.00"),
                              ErroneousPaymentCause.INCORRECT_INFORMATION, null, Money.parse("2000.00")))
               .when(new ReturnPaymentCommand(paymentId, LocalDate.of(2021, 3, 2), "account closed", null))
               .expectException(StateConflict.class)
               .expectExceptionMessage("payment " + paymentId + " has an erroneous finding of 2000.00; a payment found erroneous cannot be "
                       + "returned (recover it with a claim instead)")
               .expectNoEvents();
    }

    @Test
    void aPaymentIsReturnedOnlyOnce() {
        fixture.given(example.scheduled(paymentId, "8450.00"), example.batched(paymentId, batchId),
                      example.executed(paymentId, batchId, "8450.00", EXECUTED_ON),
                      new PaymentReturnedEvent(paymentId, batchId, example.householdId, TROSA, MARCH, Money.parse("8450.00"), EXECUTED_ON,
                              LocalDate.of(2021, 3, 2), "account closed"))
               .when(new ReturnPaymentCommand(paymentId, LocalDate.of(2021, 3, 3), "again", null))
               .expectException(StateConflict.class)
               .expectNoEvents();
    }

    @Test
    void recordsErroneousFindingsUpToThePaymentAmount() {
        fixture.given(executedPayment())
               .when(new RecordErroneousPaymentCommand(paymentId, Money.parse("2000.00"), ErroneousPaymentCause.INCORRECT_INFORMATION, "undeclared wages", null))
               .expectEvents(new PaymentFoundErroneousEvent(paymentId, example.householdId, TROSA, MARCH, Money.parse("2000.00"),
                       ErroneousPaymentCause.INCORRECT_INFORMATION, "undeclared wages", Money.parse("2000.00")));
    }

    @Test
    void findingsTogetherMayNotExceedTheAmountPaid() {
        fixture.given(concat(executedPayment(), new PaymentFoundErroneousEvent(paymentId, example.householdId, TROSA, MARCH, Money.parse("8000.00"),
                       ErroneousPaymentCause.DUPLICATE_PAYMENT, null, Money.parse("8000.00"))))
               .when(new RecordErroneousPaymentCommand(paymentId, Money.parse("450.01"), ErroneousPaymentCause.SUSPECTED_FRAUD, null, null))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage("erroneous amounts of payment " + paymentId + " may not exceed its amount 8450.00: 8000.00 is already "
                       + "found erroneous, 450.01 more would make 8450.01")
               .expectNoEvents();
    }

    @Test
    void onlyAnExecutedPaymentCanBeFoundErroneous() {
        fixture.given(example.scheduled(paymentId, "8450.00"))
               .when(new RecordErroneousPaymentCommand(paymentId, Money.parse("1.00"), ErroneousPaymentCause.ADMINISTRATIVE_ERROR, null, null))
               .expectException(StateConflict.class)
               .expectExceptionMessage("payment " + paymentId + " is SCHEDULED; it must be EXECUTED to be found erroneous");
    }

    @Test
    void aReturnedPaymentCannotBeFoundErroneous() {
        fixture.given(concat(executedPayment(), new PaymentReturnedEvent(paymentId, batchId, example.householdId, TROSA, MARCH, Money.parse("8450.00"),
                       EXECUTED_ON, LocalDate.of(2021, 3, 2), "account closed")))
               .when(new RecordErroneousPaymentCommand(paymentId, Money.parse("1.00"), ErroneousPaymentCause.ADMINISTRATIVE_ERROR, null, null))
               .expectException(StateConflict.class)
               .expectExceptionMessage("payment " + paymentId + " is RETURNED; it must be EXECUTED to be found erroneous");
    }

    @Test
    void anErroneousAmountMustBePositive() {
        fixture.given(executedPayment())
               .when(new RecordErroneousPaymentCommand(paymentId, Money.ZERO, ErroneousPaymentCause.ADMINISTRATIVE_ERROR, null, null))
               .expectException(BusinessRuleViolation.class)
               .expectNoEvents();
    }

    private static Object[] concat(Object[] given, Object more) {
        var all = java.util.Arrays.copyOf(given, given.length + 1);
        all[given.length] = more;
        return all;
    }

    private Object[] executedPayment() {
        return new Object[]{example.scheduled(paymentId, "8450.00"), example.batched(paymentId, batchId),
                example.executed(paymentId, batchId, "8450.00", EXECUTED_ON)};
    }

    @Test
    void cannotBeReturnedBeforeItWasExecuted() {
        fixture.given(example.scheduled(paymentId, "8450.00"), example.batched(paymentId, batchId),
                      example.executed(paymentId, batchId, "8450.00", EXECUTED_ON))
               .when(new ReturnPaymentCommand(paymentId, LocalDate.of(2021, 2, 24), "typo", null))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage("a payment cannot be returned before it was executed: payment " + paymentId
                       + " was executed on 2021-02-25, return date 2021-02-24")
               .expectNoEvents();
    }
}
