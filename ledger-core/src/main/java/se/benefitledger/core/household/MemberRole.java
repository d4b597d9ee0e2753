package se.benefitledger.core.household;

/** A member's place in an assistance household: applicant (sökande), co-applicant (medsökande), child. */
public enum MemberRole {
    APPLICANT, CO_APPLICANT, CHILD
}
