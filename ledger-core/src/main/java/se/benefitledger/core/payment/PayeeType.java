package se.benefitledger.core.payment;

/** Who receives the money: the household itself, its landlord, or another supplier (e.g. a dentist). */
public enum PayeeType {
    HOUSEHOLD, LANDLORD, SUPPLIER
}
