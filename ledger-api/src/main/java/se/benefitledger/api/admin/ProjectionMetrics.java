package se.benefitledger.api.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** {@code ledger.projection.lag}: events each projection is behind the event store, for alerting on a stalled projection. */
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
            Gauge.builder("ledger.projection.lag", admin, it -> {
                         Long lag = it.status(projection.name()).lag();
                         return lag == null ? Double.NaN : lag;
                     })
                 .description("events the projection is behind the event store")
                 .tag("projection", projection.name())
                 .baseUnit("events")
                 .register(registry);
        }
    }
}
