package se.benefitledger.core.decision;

/** An income a decision counts against the costs. */
public enum IncomeType {
    WAGES, BENEFITS, STUDENT_AID, MAINTENANCE, OTHER
}
