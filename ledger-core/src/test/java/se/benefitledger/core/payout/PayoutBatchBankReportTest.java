package se.benefitledger.core.payout;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.StateConflict;

import java.util.List;
import java.util.UUID;

import static se.benefitledger.core.Examples.PAYOUT;
import static se.benefitledger.core.Examples.TROSA;

class PayoutBatchBankReportTest {

    private final UUID batchId = UUID.randomUUID();
    private final UUID paymentId = UUID.randomUUID();
    private final PayoutBatchCreatedEvent created = new PayoutBatchCreatedEvent(batchId, TROSA, PAYOUT,
            List.of(new BatchedPayment(paymentId, Money.parse("6000.00"))), Money.parse("6000.00"));
    private final BankReportIssue unknown = new BankReportIssue("00000000000000000000000000000001", null, "EXECUTED", null, null,
            "no payment of the batch has this EndToEndId");
    private FixtureConfiguration<PayoutBatch> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PayoutBatch.class);
    }

    @Test
    void recordsWhatABankMessageDidAndDidNot() {
        fixture.given(created)
               .when(new RecordBankReportCommand(batchId, "STS-1", 1, List.of(unknown), List.of()))
               .expectEvents(new BankReportRecordedEvent(batchId, TROSA, "STS-1", 1, List.of(unknown), List.of()));
    }

    @Test
    void aBankMessageIsAppliedOnce() {
        fixture.given(created, new BankReportRecordedEvent(batchId, TROSA, "STS-1", 1, List.of(unknown), List.of()))
               .when(new RecordBankReportCommand(batchId, "STS-1", 0, List.of(), List.of()))
               .expectException(StateConflict.class)
               .expectExceptionMessage("bank message STS-1 was already applied to payout batch " + batchId)
               .expectNoEvents();
    }
}
