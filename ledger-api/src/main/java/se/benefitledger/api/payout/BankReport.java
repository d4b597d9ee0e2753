package se.benefitledger.api.payout;

import se.benefitledger.core.shared.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * What a bank reported about payments, read from a pain.002 status report or a camt.054
 * notification: its {@code messageId}, the payment order file it answers ({@code originalMessageId},
 * when the report names it) and one entry per transaction.
 */
record BankReport(String messageId, String originalMessageId, List<Entry> entries) {

    enum Outcome { EXECUTED, REJECTED, RETURNED }

    /**
     * One transaction: the EndToEndId of the payment order file, what happened, on which day, the
     * bank's reason code (rejections, returns), the amount when the bank gave one, and the file it
     * names (camt.054's {@code Refs/MsgId}, null when not given).
     */
    record Entry(String endToEndId, Outcome outcome, LocalDate on, String reasonCode, Money amount, String fileMessageId) {
    }

    BankReport {
        entries = List.copyOf(entries);
    }
}
