package se.benefitledger.api.payout;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import se.benefitledger.api.bulk.BulkWork;
import se.benefitledger.api.pii.Payee;
import se.benefitledger.api.pii.PiiAccessLog;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.api.problem.NotFoundException;
import se.benefitledger.core.shared.BulkCommand;
import se.benefitledger.core.shared.StateConflict;
import se.benefitledger.projections.payment.PaymentQueries;
import se.benefitledger.projections.payment.PaymentView;
import se.benefitledger.projections.payout.PayoutBatchQueries;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A payout batch as its pain.001 payment order file, streamed: the payments are read a page of {@value #PAGE} at a
 * time, each page's payees decrypted with one vault query, so a batch of 100,000 is two queries per thousand
 * payments and never in memory as a whole. Whether the file can be written is decided before its first byte: a pass
 * over the batch's payees (once each) finds an account that no longer passes the account rules, so that the answer is
 * a 409 rather than a file broken off part-way.
 */
@Service
public class PayoutFileService {

    static final int PAGE = 1_000;

    private final PayoutBatchQueries batches;
    private final PaymentQueries payments;
    private final PiiVault vault;
    private final PiiAccessLog accessLog;
    private final PayoutProperties payout;
    private final BulkWork work;
    private final Pain001Writer writer = new Pain001Writer();

    PayoutFileService(PayoutBatchQueries batches, PaymentQueries payments, PiiVault vault, PiiAccessLog accessLog, PayoutProperties payout,
                      BulkWork work) {
        this.batches = batches;
        this.work = work;
        this.payments = payments;
        this.vault = vault;
        this.accessLog = accessLog;
        this.payout = payout;
    }

    /** Where the file goes; opened only once the batch is known to be payable, so that a refusal can still be answered. */
    @FunctionalInterface
    public interface Destination {
        OutputStream open() throws IOException;
    }

    /**
     * Checks that the batch can be paid, then writes its file, all in one read-only snapshot (REPEATABLE READ: in
     * PostgreSQL's default READ COMMITTED every page would see the database of its own moment).
     *
     * @throws NotFoundException for an unknown batch
     * @throws StateConflict     when the municipality has no account configured, a payment still to be paid has a payee
     *                           whose data was erased, or a payee's stored account is not valid
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void write(UUID batchId, Destination destination) throws IOException {
        var batch = batches.find(batchId).orElseThrow(() -> new NotFoundException("payout batch", batchId));
        var debtor = payout.debtorOf(batch.municipality());
        vault.unsettledPaymentToErasedPayee(batchId).ifPresent(paymentId -> {
            throw new StateConflict("payment " + paymentId + " of payout batch " + batchId
                                    + " is not settled and pays a payee whose personal data was erased; it cannot be paid");
        });
        requireValidAccounts(batchId);
        // The same id for the file and its one payment information block: a bank refuses a MsgId it has already
        // received, so a file downloaded twice cannot be paid twice.
        String id = compact(batchId);
        accessLog.payeesOfBatch(batchId);
        var header = new Pain001Writer.Header(id, OffsetDateTime.now(), id, batch.payoutDate(), debtor, batch.paymentCount(),
                batch.controlTotal());
        if (batch.paymentCount() <= BulkCommand.MAX_AGGREGATES) {
            writer.write(header, transactions(batchId), destination.open());
            return;
        }
        // the file of a large batch is payday's bulk work as much as the batch's parts
        try (var ignored = work.begin()) {
            writer.write(header, transactions(batchId), destination.open());
        }
    }

    /**
     * Payees stored before accounts were checked (see docs/payee-accounts.md) may hold an account the rules now refuse:
     * each payee of the batch is decrypted and its account read once, in the snapshot the file is then written from.
     */
    private void requireValidAccounts(UUID batchId) {
        Set<UUID> checked = new HashSet<>();
        pages(batchId).forEach(page -> {
            Map<UUID, Payee> payees = vault.payees(page.stream().map(PaymentView::payeeId).filter(checked::add).toList());
            for (PaymentView payment : page) {
                Payee payee = payees.get(payment.payeeId());
                try {
                    if (payee != null) {
                        payee.parsedAccount();
                    }
                } catch (IllegalArgumentException invalid) {
                    // the rule's message never repeats the account
                    throw new StateConflict("payment " + payment.paymentId() + " of payout batch " + batchId + " pays an account stored"
                                            + " before accounts were checked that is not valid (" + invalid.getMessage()
                                            + "); no payment order can name it");
                }
            }
        });
    }

    private Iterator<Pain001Writer.Transaction> transactions(UUID batchId) {
        return pages(batchId).flatMap(this::transactions).iterator();
    }

    private Stream<List<PaymentView>> pages(UUID batchId) {
        return Stream.iterate(payments.pageInBatch(batchId, null, PAGE), page -> !page.isEmpty(),
                page -> page.size() < PAGE ? List.of() : payments.pageInBatch(batchId, page.get(page.size() - 1).paymentId(), PAGE));
    }

    /** A payee missing from the vault's answer was erased: the payment shows it so, with its amount (an old batch's file). */
    private Stream<Pain001Writer.Transaction> transactions(List<PaymentView> page) {
        Map<UUID, Payee> payees = vault.payees(page.stream().map(PaymentView::payeeId).toList());
        return page.stream().map(payment -> {
            String remittance = "Ekonomiskt bistånd " + payment.benefitMonth();
            Payee payee = payees.get(payment.payeeId());
            return payee == null
                    ? Pain001Writer.Transaction.toErasedPayee(compact(payment.paymentId()), payment.amount(), remittance)
                    : new Pain001Writer.Transaction(compact(payment.paymentId()), payment.amount(), payee.name(), payee.parsedAccount(), remittance);
        });
    }

    /** 32 hex digits: fits ISO 20022's 35-character ids. */
    static String compact(UUID id) {
        return id.toString().replace("-", "");
    }
}
