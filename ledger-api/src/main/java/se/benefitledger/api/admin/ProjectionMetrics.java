package se.benefitledger.api.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Per projection, one meter name each with the projection in the {@code processor} tag:
 * {@code ledger.projection.lag} (events behind the event store), {@code ledger.projection.status}
 * (1 for the projection's current status, tagged {@code status}, 0 for the others) and
 * {@code ledger.projection.dead.letters} (events waiting in its dead-letter queue).
 */
@Component
class ProjectionMetrics {

    private final ProjectionAdmin admin;
    private final MeterRegistry registry;

    ProjectionMetrics(ProjectionAdmin admin, MeterRegistry registry) {
        this.admin = admin;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (var projection : admin.statuses()) {
            String name = projection.name();
            Gauge.builder("ledger.projection.lag", admin, it -> {
                         Long lag = it.status(name).lag();
                         return lag == null ? Double.NaN : lag;
                     })
                 .description("events the projection is behind the event store")
                 .tag("processor", name)
                 .baseUnit("events")
                 .register(registry);
            for (var state : ProjectionStatus.State.values()) {
                Gauge.builder("ledger.projection.status", admin, it -> it.status(name).status() == state ? 1 : 0)
                     .description("1 for the projection's current status, 0 for the others")
                     .tag("processor", name)
                     .tag("status", state.name())
                     .register(registry);
            }
            Gauge.builder("ledger.projection.dead.letters", admin, it -> it.status(name).deadLetters())
                 .description("events of the projection waiting in its dead-letter queue")
                 .tag("processor", name)
                 .baseUnit("events")
                 .register(registry);
        }
    }
}
