package se.benefitledger.core.recovery;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code amount} arrived on {@code receivedOn}. Of it, {@code fromWrittenOff} reduced what was
 * written off, the rest the outstanding amount, and {@code excess}, more than was owed, is due
 * back to the debtor. {@code outstanding} is what remains of the claim afterwards. Events stored
 * before overpayments were accepted have neither part.
 */
@Revision("1")
public record RepaymentReceivedEvent(UUID claimId,
                                     UUID householdId,
                                     MunicipalityCode municipality,
                                     Money amount,
                                     LocalDate receivedOn,
                                     Money outstanding,
                                     Money fromWrittenOff,
                                     Money excess) {

    public RepaymentReceivedEvent {
        fromWrittenOff = fromWrittenOff == null ? Money.ZERO : fromWrittenOff;
        excess = excess == null ? Money.ZERO : excess;
    }

    /** What reduced the claim: the amount without the excess. */
    public Money repaid() {
        return amount.minus(excess);
    }
}
