package se.benefitledger.core.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalIdentityNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @ParameterizedTest
    @ValueSource(strings = {"198112189876", "19811218-9876", "8112189876", "811218-9876"})
    void acceptsTenAndTwelveDigitFormsWithOrWithoutSeparator(String input) {
        var number = PersonalIdentityNumber.parse(input, TODAY);
        assertThat(number.digits()).isEqualTo("198112189876");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1981, 12, 18));
        assertThat(number.isCoordinationNumber()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"198112189876\n", "\n198112189876", "\t8112189876", "811218-9876\u0000", " 198112189876", "198112189876 ",
            "19811218\n9876"})
    void refusesAControlCharacterOrSpaceAnywhere(String input) {
        assertThatThrownBy(() -> PersonalIdentityNumber.parse(input, TODAY)).isInstanceOf(IllegalArgumentException.class)
                                                                            .hasMessageContaining("10 or 12 digits");
    }

    @Test
    void theNinthDigitGivesTheSex() {
        assertThat(PersonalIdentityNumber.parse("198112189876", TODAY).sex()).isEqualTo(Sex.MALE);
        assertThat(PersonalIdentityNumber.parse("201501012387", TODAY).sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void rejectsAWrongLuhnCheckDigit() {
        assertThatThrownBy(() -> PersonalIdentityNumber.parse("198112189875", TODAY))
                .hasMessageContaining("check digit");
    }

    @Test
    void readsASamordningsnummerWithDayPlusSixty() {
        // Skatteverket's example: a man born 3 October 1970, birth number 239
        var number = PersonalIdentityNumber.parse("701063-2391", TODAY);
        assertThat(number.isCoordinationNumber()).isTrue();
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1970, 10, 3));
        assertThat(number.digits()).isEqualTo("197010632391");
    }

    @Test
    void plusSeparatorMeansAHundredYearsOrOlder() {
        assertThat(PersonalIdentityNumber.parse("811218+9876", TODAY).birthDate()).isEqualTo(LocalDate.of(1881, 12, 18));
        assertThatThrownBy(() -> PersonalIdentityNumber.parse("18811218+9876", TODAY)).hasMessageContaining("10 digits");
    }

    @Test
    void tenDigitNumbersTakeTheMostRecentCenturyThatIsNotInTheFuture() {
        assertThat(PersonalIdentityNumber.parse("1501012387", TODAY).birthDate()).isEqualTo(LocalDate.of(2015, 1, 1));
        var bornOnTheDayInThePast = PersonalIdentityNumber.parse(withCheckDigit("261124123"), TODAY);
        assertThat(bornOnTheDayInThePast.birthDate()).isEqualTo(LocalDate.of(1926, 11, 24));
    }

    @Test
    void rejectsImpossibleDatesFutureDatesAndOtherShapes() {
        assertThatThrownBy(() -> PersonalIdentityNumber.parse(withCheckDigit("810230123"), TODAY))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> PersonalIdentityNumber.parse("20" + withCheckDigit("301224123"), TODAY))
                .hasMessageContaining("future");
        assertThatThrownBy(() -> PersonalIdentityNumber.parse("81121898", TODAY)).hasMessageContaining("10 or 12 digits");
        assertThatThrownBy(() -> PersonalIdentityNumber.parse("8112189876x", TODAY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void judgesBornInTheFutureByTheDateInSwedenWhateverTheClocksZone() {
        String bornOnNewYearsDay = "20" + withCheckDigit("270101123");
        var newYearsEveInUtcButNewYearInSweden = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC);
        var newYearsEveInSwedenButNewYearInKiribati = Clock.fixed(Instant.parse("2026-12-31T22:30:00Z"), ZoneId.of("Pacific/Kiritimati"));

        assertThat(PersonalIdentityNumber.parse(bornOnNewYearsDay, newYearsEveInUtcButNewYearInSweden).birthDate())
                .isEqualTo(LocalDate.of(2027, 1, 1));
        assertThatThrownBy(() -> PersonalIdentityNumber.parse(bornOnNewYearsDay, newYearsEveInSwedenButNewYearInKiribati))
                .hasMessageContaining("in the future");
    }

    @Test
    void neverShowsTheWholeNumberInToString() {
        var number = PersonalIdentityNumber.parse("198112189876", TODAY);
        assertThat(number.toString()).isEqualTo("19811218-****").doesNotContain("9876");
        assertThat(number.masked()).isEqualTo("19811218-****");
    }

    @Test
    void computesTheCheckDigitAsSkatteverketDoes() {
        assertThat(PersonalIdentityNumber.luhnCheckDigit("811218987")).isEqualTo(6);
        assertThat(PersonalIdentityNumber.luhnCheckDigit("701063239")).isEqualTo(1);
    }

    private static String withCheckDigit(String nineDigits) {
        return nineDigits + PersonalIdentityNumber.luhnCheckDigit(nineDigits);
    }
}
