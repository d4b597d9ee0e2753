package se.benefitledger.api.eventstore;

import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.core.payment.Payment;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments have a cache of their own size ({@code ledger.aggregate-cache.payment-max-size}): a payout batch's
 * payments, loaded by its creation, are still cached at its settlement however small the other types' caches are.
 */
@LedgerApiTest
@TestPropertySource(properties = "ledger.aggregate-cache.max-size=1")
class PaymentCacheTest {

    @LocalServerPort
    int port;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    TransactionManager axonTransactions;

    @Test
    void paymentsStayCachedBeyondTheSizeOfTheOtherTypesCaches() {
        var ledger = new Ledger(port);
        String decision = ledger.decision(ledger.household("0488"), "2026-05", "9000.00");
        List<String> payments = IntStream.range(0, 5).mapToObj(i -> ledger.payment(decision, "100.00", "2026-05-25")).toList();

        List<Payment> first = payments.stream().map(this::load).toList();
        List<Payment> again = payments.stream().map(this::load).toList();

        for (int i = 0; i < payments.size(); i++) {
            assertThat(again.get(i)).as("payment %d loaded again", i).isSameAs(first.get(i));
        }
    }

    private Payment load(String paymentId) {
        return inUnitOfWork(() -> axon.repository(Payment.class).load(paymentId).invoke(it -> it));
    }

    private <R> R inUnitOfWork(Callable<R> task) {
        return UnitsOfWork.inUnitOfWork(axonTransactions, task);
    }
}
