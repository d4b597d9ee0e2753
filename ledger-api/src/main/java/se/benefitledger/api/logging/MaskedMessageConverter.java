package se.benefitledger.api.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %maskedMsg}: the log message with personnummer hidden. */
public class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonnummerMasking.mask(super.convert(event));
    }
}
