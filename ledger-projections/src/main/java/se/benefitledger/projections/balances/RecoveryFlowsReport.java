package se.benefitledger.projections.balances;

import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.List;

/**
 * Money on recovery claims over time: every month of the range, the same per calendar year (the
 * part of the year inside the range), and totals. Claims count in the month of their decision,
 * repayments of their {@code receivedOn}, waivers and write-offs of their {@code decidedOn},
 * refunds of their {@code paidOn}. {@code repaid} is what reduced claims; {@code overpaid} what
 * arrived above them and became due back. {@code outstandingAtEnd} is the receivable on the
 * period's last day.
 */
public record RecoveryFlowsReport(MunicipalityCode municipality, String from, String to, List<Month> months, List<Year> years,
                                  Totals totals) {

    public record Month(String month, long claimsOpened, Money principalOpened, Money repaid, Money waived, Money writtenOff,
                        Money refunded, Money outstandingAtEnd, Money overpaid) {
    }

    public record Year(int year, long claimsOpened, Money principalOpened, Money repaid, Money waived, Money writtenOff,
                       Money refunded, Money outstandingAtEnd, Money overpaid) {
    }

    public record Totals(long claimsOpened, Money principalOpened, Money repaid, Money waived, Money writtenOff, Money refunded,
                         Money outstandingAtEnd, Money overpaid) {
    }
}
