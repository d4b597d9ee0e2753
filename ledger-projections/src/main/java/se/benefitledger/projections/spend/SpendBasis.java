package se.benefitledger.projections.spend;

/**
 * BENEFIT_MONTH: a payment counts in the month the assistance is for (Socialstyrelsen's rule);
 * PAYMENT_DATE: scheduled by due date, executed by execution date, returned by return date.
 */
public enum SpendBasis {
    BENEFIT_MONTH, PAYMENT_DATE
}
