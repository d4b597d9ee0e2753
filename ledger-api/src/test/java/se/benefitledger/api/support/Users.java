package se.benefitledger.api.support;

/** The test users of {@code application-test.yml}; all have the password "secret". */
public enum Users {
    /** CASEWORKER in 0488 and 0180 */
    ANNA,
    /** CASEWORKER in 1280 only */
    CARL,
    /** FINANCE in 0488 and 0180 */
    FREDRIK,
    /** INVESTIGATOR in 0488 and 0180 */
    INGRID,
    /** AUDITOR everywhere */
    ALVA,
    /** REPORTING everywhere */
    RUT,
    /** ADMIN */
    ADAM,
    /** CASEWORKER everywhere */
    NILS,
    /** FINANCE everywhere */
    FRIDA,
    /** INVESTIGATOR everywhere */
    INES,
    /** FINANCE in 1280 only */
    FIA,
    /** INVESTIGATOR in 1280 only */
    ISAK,
    /** STATISTICS everywhere */
    STINA,
    /** STATISTICS in 1280 only */
    STIG;

    public String username() {
        return name().toLowerCase();
    }

    public Http on(int port) {
        return Http.to(port).as(username(), "secret");
    }
}
