package se.benefitledger.api.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.projections.json.RejectedValueException;
import se.benefitledger.projections.json.TextDeserializer;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * Bounds every value of every request body by its type, so that a field added later is bounded
 * without anyone remembering to: dates and months inside {@link InputBounds}' range, texts as
 * {@link InputBounds#text} allows, ids in their one spelling, and every other value read from a
 * JSON string (enum constants, personnummer, amounts, codes) {@link InputBounds#exact exactly as
 * written}. Registered on the REST mapper after Jackson's own date support, whose deserializers it
 * replaces there (the event store has a mapper of its own).
 */
public class BoundedInputModule extends SimpleModule {

    public BoundedInputModule() {
        super("bounded-input");
        addDeserializer(LocalDate.class, new TextDeserializer<>(LocalDate.class, InputBounds::date));
        addDeserializer(YearMonth.class, new TextDeserializer<>(YearMonth.class, InputBounds::month));
        addDeserializer(BenefitMonth.class, new TextDeserializer<>(BenefitMonth.class, text -> new BenefitMonth(InputBounds.month(text))));
        addDeserializer(String.class, new TextDeserializer<>(String.class, InputBounds::text));
        addDeserializer(UUID.class, new TextDeserializer<>(UUID.class, InputBounds::id));
        setDeserializerModifier(new ExactValues());
    }

    /**
     * Jackson trims the string of an enum constant or an id before it looks it up ({@code "GRANTED\n"}
     * is GRANTED): every deserializer of a value that is not text nor an object checks its string first.
     */
    private static final class ExactValues extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
            return new Exact(deserializer);
        }

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            return description.getBeanClass() == String.class || deserializer instanceof BeanDeserializerBase ? deserializer : new Exact(deserializer);
        }
    }

    private static final class Exact extends DelegatingDeserializer {

        Exact(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Exact(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                try {
                    InputBounds.exact(parser.getText());
                } catch (IllegalArgumentException e) {
                    throw new RejectedValueException(parser, e.getMessage());
                }
            }
            return _delegatee.deserialize(parser, context);
        }
    }
}
