package se.benefitledger.projections.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.SignedMoney;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * How the ledger's value objects look in JSON, in stored events and on the REST boundary alike:
 * money as a decimal string in kronor ({@code "8450.00"}), municipalities as their code
 * ({@code "0488"}), benefit months as {@code "2021-03"}.
 */
public class LedgerJacksonModule extends SimpleModule {

    public LedgerJacksonModule() {
        this(Money.of(new BigDecimal(Long.MAX_VALUE).movePointLeft(2)));
    }

    /** @param maximum the largest amount a document may carry; larger amounts are refused */
    public LedgerJacksonModule(Money maximum) {
        super("benefit-ledger");
        addSerializer(Money.class, new ToStringSerializer<>(Money.class));
        addDeserializer(Money.class, new MoneyDeserializer(maximum));
        addSerializer(SignedMoney.class, new ToStringSerializer<>(SignedMoney.class));
        addSerializer(MunicipalityCode.class, new ToStringSerializer<>(MunicipalityCode.class));
        addDeserializer(MunicipalityCode.class, new TextDeserializer<>(MunicipalityCode.class, MunicipalityCode::new));
        addSerializer(BenefitMonth.class, new ToStringSerializer<>(BenefitMonth.class));
        addDeserializer(BenefitMonth.class, new TextDeserializer<>(BenefitMonth.class, BenefitMonth::parse));
    }

    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        private final Class<T> type;

        ToStringSerializer(Class<T> type) {
            this.type = type;
        }

        @Override
        public Class<T> handledType() {
            return type;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider serializers) throws IOException {
            generator.writeString(value.toString());
        }
    }

    private static final class TextDeserializer<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final Function<String, T> factory;

        TextDeserializer(Class<T> type, Function<String, T> factory) {
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
    }

    /** A decimal string or a JSON number, at most two decimals, not negative, not above the maximum. */
    private static final class MoneyDeserializer extends JsonDeserializer<Money> {
        private final Money maximum;

        MoneyDeserializer(Money maximum) {
            this.maximum = maximum;
        }

        @Override
        public Money deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = switch (parser.currentToken()) {
                case VALUE_STRING -> parseDecimal(parser, context);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
                default -> (BigDecimal) context.handleUnexpectedToken(Money.class, parser);
            };
            try {
                Money money = Money.of(value);
                if (money.isGreaterThan(maximum)) {
                    throw new IllegalArgumentException("must not be above " + maximum);
                }
                return money;
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new RejectedValueException(parser, "amount " + e.getMessage());
            }
        }

        private static BigDecimal parseDecimal(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getText().trim();
            if (!text.matches("-?\\d+(\\.\\d+)?")) {
                throw new RejectedValueException(parser, "must be a decimal amount in kronor, e.g. \"8450.00\"");
            }
            return new BigDecimal(text);
        }
    }
}
