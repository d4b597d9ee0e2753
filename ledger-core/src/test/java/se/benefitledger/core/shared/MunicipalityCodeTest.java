package se.benefitledger.core.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MunicipalityCodeTest {

    @Test
    void knowsAllTwoHundredNinetyMunicipalities() {
        assertThat(MunicipalityCode.all()).hasSize(290);
        assertThat(MunicipalityCode.of("0488").name()).isEqualTo("Trosa");
        assertThat(MunicipalityCode.of("0180").name()).isEqualTo("Stockholm");
        assertThat(MunicipalityCode.of("2584").name()).isEqualTo("Kiruna");
    }

    @Test
    void rejectsUnknownCodes() {
        assertThatThrownBy(() -> MunicipalityCode.of("0100")).hasMessageContaining("municipality code");
        assertThatThrownBy(() -> MunicipalityCode.of("9999")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MunicipalityCode.of("488")).isInstanceOf(IllegalArgumentException.class);
        assertThat(MunicipalityCode.isValid("04888")).isFalse();
    }
}
