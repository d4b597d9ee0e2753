package se.benefitledger.api.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import se.benefitledger.api.LedgerApplication;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A deployment that forgets its database does not start, rather than becoming a development instance. */
class DataSourceRequirementTest {

    @Test
    void refusesToStartWithoutADataSourceOutsideTheEmbeddedProfile() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LedgerApplication.class).run("--server.port=0", "--management.server.port=0", "--logging.level.root=OFF"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("spring.datasource.url is not set")
                .hasMessageContaining("'embedded' profile");
    }
}
