package se.benefitledger.api.security;

/** The contract's roles. */
public enum Role {
    /** households, decisions, scheduling and cancelling payments */
    CASEWORKER,
    /** payout batches, settlement, returns, repayments, write-offs, reports */
    FINANCE,
    /** erroneous payments, recovery claims, waivers, history, reports */
    INVESTIGATOR,
    /** reads everything, including the access log */
    AUDITOR,
    /** reports only; never personal data */
    REPORTING,
    /** operations: projection status and rebuilds; no case data */
    ADMIN,
    /** the monthly statistics extract to Socialstyrelsen, which carries personnummer; nothing else */
    STATISTICS;

    public String authority() {
        return "ROLE_" + name();
    }

    /** May see personnummer unmasked. */
    public boolean seesPersonalIdentityNumbers() {
        return this == INVESTIGATOR || this == AUDITOR;
    }
}
