package se.benefitledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml checked against the Compose Specification's schema, offline (no Docker engine here). */
class DockerComposeFileTest {

    private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");

    @Test
    void conformsToTheComposeSpecification() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE_FILE.toFile());
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                                      .getSchema(SchemaLocation.of("classpath:compose-spec/compose.schema.json"));
        assertThat(schema.validate(compose)).isEmpty();
    }

    @Test
    void runsPostgres17AndTheLedgerWithHealthchecksAndANamedVolume() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE_FILE.toFile());
        assertThat(compose.at("/services/postgres/image").asText()).isEqualTo("postgres:17");
        assertThat(compose.at("/services/postgres/healthcheck/test").isMissingNode()).isFalse();
        assertThat(compose.at("/services/ledger-api/healthcheck/test").isMissingNode()).isFalse();
        assertThat(compose.at("/services/ledger-api/depends_on/postgres/condition").asText()).isEqualTo("service_healthy");
        assertThat(compose.at("/services/ledger-api/environment/SPRING_DATASOURCE_URL").asText()).startsWith("jdbc:postgresql://postgres:");
        assertThat(compose.at("/volumes").has("ledger-data")).isTrue();
    }
}
