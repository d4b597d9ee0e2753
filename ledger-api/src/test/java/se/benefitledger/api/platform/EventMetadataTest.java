package se.benefitledger.api.platform;

import com.jayway.jsonpath.JsonPath;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.Users;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@LedgerApiTest
class EventMetadataTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Configuration axon;

    @Test
    void everyStoredEventCarriesWhoWhereAndWhichRequest() {
        String requestId = "req-" + UUID.randomUUID();
        String key = "key-" + UUID.randomUUID();
        String householdId = Users.ANNA.on(port)
                                       .header("X-Request-Id", requestId)
                                       .header("X-Correlation-Id", "case-4711")
                                       .header("Idempotency-Key", key)
                                       .post("/api/v1/households", Ledger.householdJson("0488", People.adult()))
                                       .json("$.householdId");

        Map<String, Object> stored = jdbc.sql("""
                        SELECT event_identifier, convert_from(meta_data, 'UTF8') AS meta_data FROM domain_event_entry
                        WHERE aggregate_identifier = ?""")
                                         .param(householdId).query().singleRow();
        String metadata = (String) stored.get("meta_data");

        assertThat(JsonPath.<String>read(metadata, "$.actor")).isEqualTo("anna");
        assertThat(JsonPath.<String>read(metadata, "$.role")).isEqualTo("CASEWORKER");
        assertThat(JsonPath.<String>read(metadata, "$.municipality")).isEqualTo("0488");
        assertThat(JsonPath.<String>read(metadata, "$.correlationId")).isEqualTo("case-4711");
        assertThat(JsonPath.<String>read(metadata, "$.causationId")).isNotBlank().isNotEqualTo(stored.get("event_identifier"));
        assertThat(JsonPath.<String>read(metadata, "$.requestId")).isEqualTo(requestId);
        assertThat(JsonPath.<String>read(metadata, "$.idempotencyKey")).isEqualTo(key);
    }

    @Test
    void handlingAnEventPassesNoCorrelationDataOnAndLeavesItsMetadataUnread() {
        var event = new GenericEventMessage<>("an event a projection handles") {
            @Override
            public MetaData getMetaData() {
                throw new AssertionError("the event's metadata was decoded");
            }
        };

        assertThat(axon.correlationDataProviders()).hasSize(2)
                                                   .allSatisfy(provider -> assertThat(provider.correlationDataFor(event)).isEmpty());
    }

    @Test
    void withoutAClientCorrelationIdTheRequestIdCorrelates() {
        var response = Users.ANNA.on(port).post("/api/v1/households", Ledger.householdJson("0180", People.adult()));
        String householdId = response.json("$.householdId");
        String metadata = jdbc.sql("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?")
                              .param(householdId).query(String.class).single();

        assertThat(JsonPath.<String>read(metadata, "$.correlationId")).isEqualTo(response.header("X-Request-Id").orElseThrow());
        assertThat(JsonPath.<String>read(metadata, "$.municipality")).isEqualTo("0180");
    }
}
