package se.benefitledger.api.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.event.EventListener;
import se.benefitledger.api.pii.PiiAccessLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);
    private final IdempotencyStore store;

    IdempotencyConfiguration(IdempotencyStore store) {
        this.store = store;
    }

    @Bean
    IdempotencyFilter idempotencyFilter(PlatformTransactionManager transactions, IdempotencyProperties properties, ObjectMapper json,
                                        PiiAccessLog accessLog) {
        return new IdempotencyFilter(store, transactions, properties, json, accessLog);
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealPlaintextResponses() {
        int sealed = store.sealPlaintextResponses();
        if (sealed > 0) {
            log.info("Sealed {} idempotent responses stored in plain text by an earlier version", sealed);
        }
    }

    /** The filter runs inside the security chain (after authorisation), not a second time as a servlet filter. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterOutsideSecurity(IdempotencyFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Scheduled(fixedDelayString = "${ledger.idempotency.cleanup-interval:PT10M}", initialDelayString = "PT1M")
    void deleteExpiredKeys() {
        int deleted = store.deleteExpired();
        if (deleted > 0) {
            log.info("Deleted {} expired idempotency keys", deleted);
        }
    }
}
