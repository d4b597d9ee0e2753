package se.benefitledger.api.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BulkConfiguration {

    @Bean
    WritesBesideBulkFilter writesBesideBulkFilter(BulkWork work, BulkProperties properties, ObjectMapper json, MeterRegistry registry) {
        return new WritesBesideBulkFilter(work, properties, json, registry);
    }

    /** The filter runs inside the API's security chain (after authorisation), not a second time as a servlet filter. */
    @Bean
    FilterRegistrationBean<WritesBesideBulkFilter> writesBesideBulkFilterOutsideSecurity(WritesBesideBulkFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
