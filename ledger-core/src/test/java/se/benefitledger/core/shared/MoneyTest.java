package se.benefitledger.core.shared;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void readsKronorWithUpToTwoDecimalsIntoExactOre() {
        assertThat(Money.parse("8450.00").ore()).isEqualTo(845_000);
        assertThat(Money.parse("12.5").ore()).isEqualTo(1_250);
        assertThat(Money.parse("0.01").ore()).isEqualTo(1);
        assertThat(Money.of(new BigDecimal("10000000.00")).ore()).isEqualTo(1_000_000_000L);
    }

    @Test
    void rejectsMoreThanTwoDecimalsNegativeAndMalformedAmounts() {
        assertThatThrownBy(() -> Money.parse("1.005")).hasMessageContaining("two decimals");
        assertThatThrownBy(() -> Money.parse("-1.00")).hasMessageContaining("negative");
        assertThatThrownBy(() -> Money.parse("12,50")).hasMessageContaining("decimal");
        assertThatThrownBy(() -> Money.parse("12.50\n")).hasMessageContaining("decimal");
        assertThatThrownBy(() -> Money.parse("\b12.50")).hasMessageContaining("decimal");
        assertThatThrownBy(() -> Money.ofOre(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsExactlyTwoDecimalsWithADecimalPoint() {
        assertThat(Money.ofOre(845_000)).hasToString("8450.00");
        assertThat(Money.ofOre(5)).hasToString("0.05");
        assertThat(Money.ZERO).hasToString("0.00");
    }

    @Test
    void addsAndSubtractsExactly() {
        var tenCents = Money.parse("0.10");
        var sum = Money.ZERO;
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(tenCents);
        }
        assertThat(sum).isEqualTo(Money.ofKronor(1));
        assertThat(Money.ofKronor(5).minusAtMostToZero(Money.ofKronor(7))).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> Money.ofKronor(5).minus(Money.ofKronor(7))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDifferenceMayBeNegative() {
        assertThat(SignedMoney.difference(Money.parse("100.00"), Money.parse("1113.04"))).hasToString("-1013.04");
        assertThat(SignedMoney.difference(Money.parse("5.00"), Money.ZERO)).hasToString("5.00");
    }
}
