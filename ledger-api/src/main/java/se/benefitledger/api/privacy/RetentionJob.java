package se.benefitledger.api.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Weeding on a schedule, off unless {@code ledger.privacy.retention.enabled=true}: erases every person the retention
 * rule makes due ({@link RetentionQueries}). With {@code dry-run} (the default once enabled) it only logs whom it
 * would erase, by person id (never a personnummer), so that an operator can review the list first.
 */
@Component
@ConditionalOnProperty(name = "ledger.privacy.retention.enabled", havingValue = "true")
@EnableConfigurationProperties(RetentionJob.Properties.class)
class RetentionJob {

    /** @param dryRun log what would be erased, erase nothing (default true); {@code enabled} and {@code cron} are read where they act */
    @ConfigurationProperties("ledger.privacy.retention")
    record Properties(@DefaultValue("true") boolean dryRun) {
    }

    static final String REASON = "weeding: SoL 2025:400 16 kap. 1 §, 5 years after the last entry";
    private static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionQueries retention;
    private final ErasureService erasures;
    private final Properties properties;
    private final Clock clock;

    RetentionJob(RetentionQueries retention, ErasureService erasures, Properties properties, Clock clock) {
        this.retention = retention;
        this.erasures = erasures;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${ledger.privacy.retention.cron:0 0 3 * * *}", zone = "Europe/Stockholm")
    void run() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Stockholm")));
        int handled = properties.dryRun() ? dryRun(today) : erase(today);
        log.info("Retention {}: {} persons due as of {}", properties.dryRun() ? "dry run" : "run", handled, today);
    }

    private int dryRun(LocalDate today) {
        int count = 0;
        for (int page = 0; ; page++) {
            var due = retention.due(today, (long) page * PAGE, PAGE).items();
            due.forEach(person -> log.info("Retention dry run: would erase person {} (last entry {}, due since {}, weed by {})",
                    person.personId(), person.lastEntryOn(), person.dueSince(), person.weedBy()));
            count += due.size();
            if (due.size() < PAGE) {
                return count;
            }
        }
    }

    /** Always the first page: each erased person leaves the list. */
    private int erase(LocalDate today) {
        int count = 0;
        while (true) {
            var due = retention.due(today, 0, PAGE).items();
            for (var person : due) {
                erasures.erase(person.personId(), REASON);
                log.info("Retention: erased person {} (last entry {})", person.personId(), person.lastEntryOn());
            }
            count += due.size();
            if (due.size() < PAGE) {
                return count;
            }
        }
    }
}
