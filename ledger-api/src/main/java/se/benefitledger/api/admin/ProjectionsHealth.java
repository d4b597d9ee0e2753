package se.benefitledger.api.admin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * The {@code projections} component of {@code /actuator/health}: DOWN when a projection has failed
 * (an event it cannot handle, in a batch retried or in its dead-letter queue) for longer than
 * {@code ledger.projections.failure-grace} (60 s unless configured), or is STALLED. A failure that
 * heals within the grace (the database was away a moment) does not take the service down.
 */
@Component("projections")
class ProjectionsHealth implements HealthIndicator {

    private final ProjectionAdmin admin;
    private final Clock clock;
    private final Duration grace;

    ProjectionsHealth(ProjectionAdmin admin, Clock clock, @Value("${ledger.projections.failure-grace:60s}") Duration grace) {
        this.admin = admin;
        this.clock = clock;
        this.grace = grace;
    }

    @Override
    public Health health() {
        var failing = admin.statuses().stream().filter(this::failedTooLong).map(ProjectionStatus::name).toList();
        return failing.isEmpty() ? Health.up().build() : Health.down().withDetail("failing", failing).build();
    }

    private boolean failedTooLong(ProjectionStatus projection) {
        return switch (projection.status()) {
            case STALLED -> true;
            case ERROR -> projection.error() == null || !projection.error().since().plus(grace).isAfter(clock.instant());
            case RUNNING, REBUILDING -> false;
        };
    }
}
