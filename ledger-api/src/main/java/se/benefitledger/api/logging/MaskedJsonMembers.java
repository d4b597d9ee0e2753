package se.benefitledger.api.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Structured (JSON) logs mask personnummer as the text pattern does: every string value of a
 * log event (message, stack trace, MDC entries) passes through {@link PersonnummerMasking}.
 * Named by {@code logging.structured.json.customizer} in application.yml.
 */
public class MaskedJsonMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PersonnummerMasking::mask));
    }
}
