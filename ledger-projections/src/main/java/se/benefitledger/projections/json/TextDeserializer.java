package se.benefitledger.projections.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

import java.io.IOException;
import java.util.function.Function;

/** A value read from a JSON string by {@code factory}; what it refuses is a 400 naming the field. */
public final class TextDeserializer<T> extends JsonDeserializer<T> {

    private final Class<T> type;
    private final Function<String, T> factory;

    public TextDeserializer(Class<T> type, Function<String, T> factory) {
        this.type = type;
        this.factory = factory;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return type.cast(context.handleUnexpectedToken(type, parser));
        }
        try {
            return factory.apply(parser.getText());
        } catch (IllegalArgumentException e) {
            throw new RejectedValueException(parser, e.getMessage());
        }
    }

    @Override
    public Class<?> handledType() {
        return type;
    }
}
