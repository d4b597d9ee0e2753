package se.benefitledger.api.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.projections.json.RejectedValueException;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Function;

/**
 * Bounds every date, month and text field of every request body by its type, so that a field
 * added later is bounded without anyone remembering to: dates and months inside
 * {@link InputBounds}' range, texts as {@link InputBounds#text} allows. Registered on the REST
 * mapper after Jackson's own date support, whose deserializers it replaces there (the event store
 * has a mapper of its own).
 */
public class BoundedInputModule extends SimpleModule {

    public BoundedInputModule() {
        super("bounded-input");
        addDeserializer(LocalDate.class, new BoundedDeserializer<>(LocalDate.class, InputBounds::date));
        addDeserializer(YearMonth.class, new BoundedDeserializer<>(YearMonth.class, InputBounds::month));
        addDeserializer(BenefitMonth.class, new BoundedDeserializer<>(BenefitMonth.class, text -> new BenefitMonth(InputBounds.month(text))));
        addDeserializer(String.class, new BoundedDeserializer<>(String.class, InputBounds::text));
    }

    private static final class BoundedDeserializer<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final Function<String, T> reader;

        BoundedDeserializer(Class<T> type, Function<String, T> reader) {
            this.type = type;
            this.reader = reader;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return type.cast(context.handleUnexpectedToken(type, parser));
            }
            try {
                return reader.apply(parser.getText());
            } catch (IllegalArgumentException e) {
                throw new RejectedValueException(parser, e.getMessage());
            }
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }
}
