package se.benefitledger.api.pii;

/** Who is paid and where: personal data for a household member, so it lives in the vault, not in events. */
public record Payee(String name, String account) {

    /** Digits only: the account as the bank file carries it ("8327-9 123456789" → "83279123456789"). */
    public String accountDigits() {
        return account.replaceAll("[^0-9]", "");
    }
}
