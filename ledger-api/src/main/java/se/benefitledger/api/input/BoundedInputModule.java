package se.benefitledger.api.input;

import com.fasterxml.jackson.databind.module.SimpleModule;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.projections.json.TextDeserializer;

import java.time.LocalDate;
import java.time.YearMonth;

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
        addDeserializer(LocalDate.class, new TextDeserializer<>(LocalDate.class, InputBounds::date));
        addDeserializer(YearMonth.class, new TextDeserializer<>(YearMonth.class, InputBounds::month));
        addDeserializer(BenefitMonth.class, new TextDeserializer<>(BenefitMonth.class, text -> new BenefitMonth(InputBounds.month(text))));
        addDeserializer(String.class, new TextDeserializer<>(String.class, InputBounds::text));
    }
}
