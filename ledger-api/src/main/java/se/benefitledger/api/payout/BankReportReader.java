package se.benefitledger.api.payout;

import com.prowidesoftware.swift.model.mx.MxCamt05400102;
import com.prowidesoftware.swift.model.mx.MxPain00200103;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTimeChoice;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus2Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransactionInformation25;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation8;
import com.prowidesoftware.swift.model.mx.dic.TransactionGroupStatus3Code;
import se.benefitledger.api.problem.InvalidRequestException;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a bank's answer with the Prowide ISO 20022 model: a {@code pain.002.001.03} customer
 * payment status report or a {@code camt.054.001.02} debit/credit notification. The XML is
 * refused before parsing when it declares a DTD or entities (no external entity is ever resolved).
 *
 * <p>pain.002: ACSC, ACCP, ACSP and ACWC settle a payment as EXECUTED (on the acceptance date,
 * else the requested execution date, else the report's date), RJCT rejects it with the first
 * reason code; ACTC, PDNG and RCVD change nothing yet. A group status without transactions
 * applies to every transaction of the original file, with no EndToEndId ({@code null}).
 * camt.054: booked debits are EXECUTED on the booking date; booked credits that carry an
 * EndToEndId are money coming back, RETURNED on the booking date with their return reason;
 * pending and information-only entries change nothing.
 */
final class BankReportReader {

    static final String PAIN_002 = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.03";
    static final String CAMT_054 = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.02";
    private static final Pattern DTD = Pattern.compile("<!(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final int MAX_ID = 35;

    BankReport read(String xml) {
        if (DTD.matcher(xml).find()) {
            throw invalid("must not declare a DTD or entities");
        }
        if (xml.contains(PAIN_002)) {
            return pain002(xml);
        }
        if (xml.contains(CAMT_054)) {
            return camt054(xml);
        }
        throw invalid("must be an ISO 20022 pain.002.001.03 status report or camt.054.001.02 notification");
    }

    private static BankReport pain002(String xml) {
        var message = MxPain00200103.parse(xml);
        var report = message == null ? null : message.getCstmrPmtStsRpt();
        if (report == null || report.getGrpHdr() == null || report.getGrpHdr().getMsgId() == null || report.getOrgnlGrpInfAndSts() == null) {
            throw invalid("is not a readable pain.002.001.03 status report (GrpHdr/MsgId and OrgnlGrpInfAndSts are required)");
        }
        LocalDate reportedOn = day(report.getGrpHdr().getCreDtTm(), LocalDate.now(SWEDEN));
        var group = report.getOrgnlGrpInfAndSts();
        var entries = new ArrayList<BankReport.Entry>();
        for (var information : report.getOrgnlPmtInfAndSts()) {
            for (var transaction : information.getTxInfAndSts()) {
                entry(transaction, reportedOn).ifPresent(entries::add);
            }
        }
        if (entries.isEmpty() && report.getOrgnlPmtInfAndSts().stream().allMatch(information -> information.getTxInfAndSts().isEmpty())) {
            BankReport.Outcome outcome = outcome(group.getGrpSts());
            if (outcome != null) {
                entries.add(new BankReport.Entry(null, outcome, reportedOn, reason(group.getStsRsnInf()), null, group.getOrgnlMsgId()));
            }
        }
        return checked(new BankReport(report.getGrpHdr().getMsgId(), group.getOrgnlMsgId(), entries));
    }

    private static Optional<BankReport.Entry> entry(PaymentTransactionInformation25 transaction, LocalDate reportedOn) {
        if (transaction.getTxSts() == null || transaction.getOrgnlEndToEndId() == null) {
            return Optional.empty();
        }
        var reference = transaction.getOrgnlTxRef();
        Money amount = reference == null || reference.getAmt() == null ? null : money(reference.getAmt().getInstdAmt());
        LocalDate requested = reference == null ? null : reference.getReqdExctnDt();
        return switch (transaction.getTxSts()) {
            case ACSC, ACCP, ACSP, ACWC -> Optional.of(new BankReport.Entry(transaction.getOrgnlEndToEndId(), BankReport.Outcome.EXECUTED,
                    day(transaction.getAccptncDtTm(), requested != null ? requested : reportedOn), null, amount, null));
            case RJCT -> Optional.of(new BankReport.Entry(transaction.getOrgnlEndToEndId(), BankReport.Outcome.REJECTED, reportedOn,
                    reason(transaction.getStsRsnInf()), amount, null));
            default -> Optional.empty();
        };
    }

    private static BankReport.Outcome outcome(TransactionGroupStatus3Code status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case ACSC, ACCP, ACSP, ACWC -> BankReport.Outcome.EXECUTED;
            case RJCT -> BankReport.Outcome.REJECTED;
            default -> null;
        };
    }

    private static BankReport camt054(String xml) {
        var message = MxCamt05400102.parse(xml);
        var notification = message == null ? null : message.getBkToCstmrDbtCdtNtfctn();
        if (notification == null || notification.getGrpHdr() == null || notification.getGrpHdr().getMsgId() == null) {
            throw invalid("is not a readable camt.054.001.02 notification (GrpHdr/MsgId is required)");
        }
        var entries = new ArrayList<BankReport.Entry>();
        for (var account : notification.getNtfctn()) {
            for (var entry : account.getNtry()) {
                if (entry.getSts() != EntryStatus2Code.BOOK || entry.getCdtDbtInd() == null) {
                    continue;
                }
                LocalDate bookedOn = date(entry.getBookgDt());
                if (bookedOn == null) {
                    throw invalid("a booked entry has no booking date (Ntry/BookgDt)");
                }
                boolean credit = entry.getCdtDbtInd() == CreditDebitCode.CRDT;
                for (var details : entry.getNtryDtls()) {
                    for (var transaction : details.getTxDtls()) {
                        var refs = transaction.getRefs();
                        if (refs == null || refs.getEndToEndId() == null || "NOTPROVIDED".equals(refs.getEndToEndId())) {
                            continue;
                        }
                        Money amount = transaction.getAmtDtls() != null && transaction.getAmtDtls().getTxAmt() != null
                                ? money(transaction.getAmtDtls().getTxAmt().getAmt())
                                : details.getTxDtls().size() == 1 ? money(entry.getAmt()) : null;
                        String reason = transaction.getRtrInf() != null && transaction.getRtrInf().getRsn() != null
                                ? transaction.getRtrInf().getRsn().getCd() : null;
                        entries.add(new BankReport.Entry(refs.getEndToEndId(), credit ? BankReport.Outcome.RETURNED : BankReport.Outcome.EXECUTED,
                                bookedOn, reason, amount, refs.getMsgId()));
                    }
                }
            }
        }
        return checked(new BankReport(notification.getGrpHdr().getMsgId(), null, entries));
    }

    /** ISO 20022 identifiers are Max35Text. */
    private static BankReport checked(BankReport report) {
        if (report.messageId().isBlank() || report.messageId().length() > MAX_ID) {
            throw invalid("GrpHdr/MsgId must be 1 to " + MAX_ID + " characters");
        }
        if (report.entries().stream().anyMatch(entry -> entry.endToEndId() != null && entry.endToEndId().length() > MAX_ID)) {
            throw invalid("an EndToEndId has more than " + MAX_ID + " characters");
        }
        return report;
    }

    private static String reason(List<StatusReasonInformation8> reasons) {
        return reasons.stream().filter(reason -> reason.getRsn() != null)
                      .map(reason -> reason.getRsn().getCd() != null ? reason.getRsn().getCd() : reason.getRsn().getPrtry())
                      .filter(code -> code != null).findFirst().orElse(null);
    }

    private static Money money(ActiveOrHistoricCurrencyAndAmount amount) {
        if (amount == null || amount.getValue() == null) {
            return null;
        }
        if (amount.getCcy() != null && !"SEK".equals(amount.getCcy().toUpperCase(Locale.ROOT))) {
            throw invalid("reports an amount in " + amount.getCcy() + "; payouts are in SEK");
        }
        try {
            return Money.of(amount.getValue());
        } catch (IllegalArgumentException e) {
            throw invalid("reports an amount that is not in SEK with at most two decimals: " + amount.getValue().stripTrailingZeros().toPlainString());
        }
    }

    private static LocalDate date(DateAndDateTimeChoice choice) {
        if (choice == null) {
            return null;
        }
        return choice.getDt() != null ? choice.getDt() : day(choice.getDtTm(), null);
    }

    private static LocalDate day(OffsetDateTime instant, LocalDate otherwise) {
        return instant == null ? otherwise : instant.atZoneSameInstant(SWEDEN).toLocalDate();
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException("body", message);
    }
}
