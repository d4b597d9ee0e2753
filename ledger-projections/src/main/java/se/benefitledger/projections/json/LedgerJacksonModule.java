package se.benefitledger.projections.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
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
import java.util.regex.Pattern;

/**
 * How the ledger's value objects look in JSON, in stored events and on the REST boundary alike:
 * money as a decimal string in kronor ({@code "8450.00"}), municipalities as their code
 * ({@code "0488"}), benefit months as {@code "2021-03"}.
 */
public class LedgerJacksonModule extends SimpleModule {

    /** Long enough for any amount a {@code long} of öre holds, e.g. {@code "92233720368547758.07"}. */
    private static final int LONGEST_AMOUNT = 24;

    public LedgerJacksonModule() {
        this(Money.of(new BigDecimal(Long.MAX_VALUE).movePointLeft(2)), LONGEST_AMOUNT);
    }

    /**
     * @param maximum   the largest amount a document may carry; larger amounts are refused
     * @param maxLength the most characters an amount may have, as a string or a number; longer ones
     *                  are refused before they are parsed (a million digits take a minute to parse)
     */
    public LedgerJacksonModule(Money maximum, int maxLength) {
        super("benefit-ledger");
        addSerializer(Money.class, new ToStringSerializer<>(Money.class));
        addDeserializer(Money.class, new MoneyDeserializer(maximum, maxLength));
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

    /**
     * A decimal string or a JSON number in plain notation (no exponent), at most two decimals, not
     * negative, not above the maximum, not longer than the maximum length.
     */
    private static final class MoneyDeserializer extends JsonDeserializer<Money> {
        private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
        private final Money maximum;
        private final int maxLength;

        MoneyDeserializer(Money maximum, int maxLength) {
            this.maximum = maximum;
            this.maxLength = maxLength;
        }

        @Override
        public Money deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = switch (parser.currentToken()) {
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parseDecimal(parser);
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

        private BigDecimal parseDecimal(JsonParser parser) throws IOException {
            if (parser.getTextLength() > maxLength) {
                throw new RejectedValueException(parser, "must be at most " + maxLength + " characters, e.g. \"8450.00\"");
            }
            // exactly a decimal: trimming would take "\b12.00" (trim drops every character up to U+0020) as 12.00
            String text = parser.getText();
            if (!DECIMAL.matcher(text).matches()) {
                throw new RejectedValueException(parser, "must be a decimal amount in kronor, e.g. \"8450.00\"");
            }
            return new BigDecimal(text);
        }
    }
}
