package se.benefitledger.api.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.benefitledger.api.input.BoundedInputModule;
import se.benefitledger.api.input.InputBounds;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.PersonalIdentityNumber;
import se.benefitledger.projections.json.LedgerJacksonModule;
import se.benefitledger.projections.json.RejectedValueException;

import java.io.IOException;
import java.time.Clock;

/**
 * JSON on the REST boundary (Spring Boot registers these modules on its mapper; the event store
 * has a mapper of its own). Unknown fields, trailing tokens and floats for integers are refused in
 * {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
public class RestJsonConfiguration {

    /** The contract's largest amount in a request. */
    public static final Money MAXIMUM_AMOUNT = Money.ofKronor(10_000_000);

    @Bean
    Module ledgerValues() {
        return new LedgerJacksonModule(MAXIMUM_AMOUNT, InputBounds.MAX_MONEY_CHARACTERS);
    }

    @Bean
    Module boundedInput() {
        return new BoundedInputModule();
    }

    /** A number or a boolean where the contract has text is a wrong type (Jackson would take 7 as "7"). */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer noScalarsAsText() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                                                               .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                                               .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                                               .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    Module personalIdentityNumbers(Clock clock) {
        return new SimpleModule("personal-identity-numbers")
                .addDeserializer(PersonalIdentityNumber.class, new PersonalIdentityNumberDeserializer(clock));
    }

    /**
     * Limits of the JSON reader itself, below Jackson's generous defaults: no field of the contract
     * needs a number of more than a few digits, a string of more than a few hundred characters or
     * deep nesting; a document beyond them is refused while it is read.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer readLimits() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(100)
                .maxStringLength(10_000)
                .maxNestingDepth(32)
                .build()));
    }

    private static final class PersonalIdentityNumberDeserializer extends JsonDeserializer<PersonalIdentityNumber> {
        private final Clock clock;

        PersonalIdentityNumberDeserializer(Clock clock) {
            this.clock = clock;
        }

        @Override
        public PersonalIdentityNumber deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new RejectedValueException(parser, "must be a personnummer or samordningsnummer as a string");
            }
            if (parser.getTextLength() > InputBounds.MAX_PERSONAL_IDENTITY_NUMBER_CHARACTERS) {
                throw new RejectedValueException(parser, "must be 10 or 12 digits, optionally with '-' or '+' before the last four");
            }
            try {
                return PersonalIdentityNumber.parse(parser.getText(), clock);
            } catch (IllegalArgumentException e) {
                throw new RejectedValueException(parser, "is not a valid personnummer or samordningsnummer: " + e.getMessage());
            }
        }
    }
}
