package se.benefitledger.core.payment;

/** Why a payment was wrong: the applicant's information, the municipality's mistake, a double payment, or suspected fraud. */
public enum ErroneousPaymentCause {
    INCORRECT_INFORMATION, ADMINISTRATIVE_ERROR, DUPLICATE_PAYMENT, SUSPECTED_FRAUD
}
