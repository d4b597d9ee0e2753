package se.benefitledger.projections.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON form of stored events and their metadata. */
public final class LedgerJson {

    private LedgerJson() {
    }

    /**
     * The mapper for the event store. Independent of the REST mapper so that REST settings can never
     * change what is stored; tolerant of unknown fields so that older readers survive newer events.
     */
    public static ObjectMapper eventObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new LedgerJacksonModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
