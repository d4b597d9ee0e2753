package se.benefitledger.api.admin;

import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The streaming processors' error handler: a batch that cannot be committed (its rows or its dead
 * letters cannot be written) is remembered with its first event, for the admin status and health,
 * and rethrown, so that Axon rolls it back and retries it (as {@code PropagatingErrorHandler}). A
 * processor's failure is forgotten once it has moved past that event.
 */
@Component
class ProjectionFailures implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ProjectionFailures.class);
    private final Map<String, ProjectionStatus.Failure> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    ProjectionFailures(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void handleError(ErrorContext context) throws Exception {
        EventMessage<?> first = context.failedEvents().isEmpty() ? null : context.failedEvents().get(0);
        Long globalIndex = first instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().stream().boxed().findFirst().orElse(null) : null;
        String eventType = first == null ? null : first.getPayloadType().getName();
        String message = String.valueOf(context.error().getMessage());
        failures.compute(context.eventProcessor(), (name, known) -> known != null && Objects.equals(known.globalIndex(), globalIndex)
                ? known : new ProjectionStatus.Failure(globalIndex, eventType, message, clock.instant()));
        log.error("Projection {} failed at event {} ({}); retrying", context.eventProcessor(), globalIndex, eventType, context.error());
        Throwable error = context.error();
        if (error instanceof Error fatal) {
            throw fatal;
        }
        throw (Exception) error;
    }

    /** The processor's unresolved failure, if it has not moved past the event that failed. */
    Optional<ProjectionStatus.Failure> current(String processor, Long position) {
        var failure = failures.get(processor);
        if (failure != null && position != null && failure.globalIndex() != null && position >= failure.globalIndex()) {
            failures.remove(processor, failure);
            return Optional.empty();
        }
        return Optional.ofNullable(failure);
    }
}
