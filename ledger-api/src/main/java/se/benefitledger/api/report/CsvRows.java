package se.benefitledger.api.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import se.benefitledger.projections.json.LedgerJacksonModule;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reports as {@code text/csv}: a header row, one row per item, amounts with a decimal point, UTF-8 (Jackson's CSV writer). */
final class CsvRows {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final CsvMapper CSV = CsvMapper.builder()
                                                  .addModule(new JavaTimeModule())
                                                  .addModule(new LedgerJacksonModule())
                                                  .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                                  // columns in the order the row records declare them, not alphabetically
                                                  .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                                                  .build();

    private CsvRows() {
    }

    static <T> ResponseEntity<String> of(Class<T> rowType, List<T> rows) {
        try {
            String csv = CSV.writer(CSV.schemaFor(rowType).withHeader()).writeValueAsString(rows);
            return ResponseEntity.ok().contentType(TEXT_CSV).body(csv);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CSV of " + rowType.getSimpleName(), e);
        }
    }
}
