package se.benefitledger.api.payout;

import org.springframework.boot.context.properties.ConfigurationProperties;
import se.benefitledger.core.payment.PayeeAccount;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.StateConflict;

import java.util.Map;

/**
 * The accounts municipalities pay from, keyed by municipality code:
 * {@code ledger.payout.debtors.<code>.name|account|bic}. A municipality's own entry always wins; an entry named
 * {@value #DEFAULT}, when configured, stands in for municipalities without one (the test suite uses it for its
 * many municipalities; a real deployment configures each municipality it serves). There is no built-in account:
 * a bank file is never written with a placeholder.
 *
 * @param debtors by municipality code, or {@value #DEFAULT}
 */
@ConfigurationProperties("ledger.payout")
record PayoutProperties(Map<String, DebtorAccount> debtors) {

    static final String DEFAULT = "default";

    PayoutProperties {
        debtors = debtors == null ? Map.of() : Map.copyOf(debtors);
        // a mistyped code would otherwise silently fall back to the default account
        debtors.keySet().stream().filter(key -> !DEFAULT.equals(key) && !MunicipalityCode.isValid(key)).findAny().ifPresent(key -> {
            throw new IllegalArgumentException("ledger.payout.debtors." + key + ": not a municipality code, nor '" + DEFAULT + "'");
        });
        // a mistyped account or BIC is refused at startup, not in the first bank file made from it
        debtors.forEach((key, entry) -> {
            if (entry != null && entry.account() != null && !entry.account().isBlank()) {
                try {
                    new Pain001Writer.Debtor(key, PayeeAccount.parse(entry.account()), entry.bic());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("ledger.payout.debtors." + key + ".account|bic: " + e.getMessage(), e);
                }
            }
        });
    }

    /**
     * @param name    as the bank file names the payer; {@code "<municipality name> kommun"} when not set
     * @param account an IBAN, or a Swedish bank account (clearing number and account number), checked at startup
     * @param bic     the bank's BIC; optional
     */
    record DebtorAccount(String name, String account, String bic) {
    }

    /** The municipality's paying account, or a 409 naming the property to set. */
    Pain001Writer.Debtor debtorOf(MunicipalityCode municipality) {
        DebtorAccount entry = debtors.getOrDefault(municipality.code(), debtors.get(DEFAULT));
        if (entry == null || entry.account() == null || entry.account().isBlank()) {
            throw new StateConflict("no account to pay from is configured for municipality " + municipality
                    + ": set ledger.payout.debtors." + municipality.code() + ".account");
        }
        String name = entry.name() == null || entry.name().isBlank() ? municipality.name() + " kommun" : entry.name();
        return new Pain001Writer.Debtor(name, PayeeAccount.parse(entry.account()), entry.bic());
    }
}
