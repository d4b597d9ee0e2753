package se.benefitledger.core.decision;

/** A cost a decision covers. */
public enum LineType {
    NORM, RENT, ELECTRICITY, HOME_INSURANCE, TRAVEL, UNION_FEE, MEDICAL, DENTAL, OTHER
}
