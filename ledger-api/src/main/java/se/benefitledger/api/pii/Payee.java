package se.benefitledger.api.pii;

import se.benefitledger.core.payment.PayeeAccount;

/**
 * Who is paid and where: personal data for a household member, so it lives in the vault, not in events.
 *
 * @param account as {@link PayeeAccount#parse} reads it; the vault stores and compares its canonical form
 */
public record Payee(String name, String account) {

    public static Payee of(String name, PayeeAccount account) {
        return new Payee(name, account.canonical());
    }

    /** @throws IllegalArgumentException when the account is not valid under {@link PayeeAccount}'s rules */
    public PayeeAccount parsedAccount() {
        return PayeeAccount.parse(account);
    }
}
