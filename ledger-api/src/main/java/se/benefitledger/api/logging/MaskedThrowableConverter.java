package se.benefitledger.api.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %maskedEx}: stack traces with personnummer in exception messages hidden. */
public class MaskedThrowableConverter extends ExtendedThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonnummerMasking.mask(super.convert(event));
    }
}
