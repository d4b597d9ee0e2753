package se.benefitledger.api.payout;

import org.junit.jupiter.api.Test;
import se.benefitledger.api.payout.PayoutProperties.DebtorAccount;
import se.benefitledger.core.payment.PayeeAccount;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayoutPropertiesTest {

    @Test
    void refusesAnAccountToPayFromThatFailsItsCheckDigitsNamingTheProperty() {
        assertThatThrownBy(() -> new PayoutProperties(Map.of("0488", new DebtorAccount(null, "5851-1 234 567-8", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ledger.payout.debtors.0488.account|bic: ")
                .hasMessageContaining("SEB");
    }

    @Test
    void refusesABankgiroNumberToPayFrom() {
        assertThatThrownBy(() -> new PayoutProperties(Map.of("default", new DebtorAccount(null, "BG 5050-1055", null))))
                .hasMessageStartingWith("ledger.payout.debtors.default.account|bic: ")
                .hasMessageContaining("IBAN or a Swedish bank account");
    }

    @Test
    void paysFromTheAccountInItsCanonicalForm() {
        var properties = new PayoutProperties(Map.of("0488", new DebtorAccount(null, "se45 5000 0000 0583 9825 7466", "ESSESESS")));

        assertThat(properties.debtorOf(MunicipalityCode.of("0488")).account()).isEqualTo(PayeeAccount.parse("SE4550000000058398257466"));
    }
}
