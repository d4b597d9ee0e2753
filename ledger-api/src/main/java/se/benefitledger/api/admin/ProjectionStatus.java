package se.benefitledger.api.admin;

import java.time.Instant;

/**
 * One projection: how far it has read the event store ({@code position}, the global index of the
 * last event it handled), how far the store goes ({@code headPosition}) and the difference; the
 * event it fails on, if any, and how many events wait in its dead-letter queue.
 */
public record ProjectionStatus(String name, State status, Long position, Long headPosition, Long lag, Instant lastEventTime, Failure error,
                        long deadLetters) {

    public enum State {
        /** following the event store */
        RUNNING,
        /** replaying from the first event after a rebuild */
        REBUILDING,
        /** behind and not moving */
        STALLED,
        /** an event failed: its batch is retried, or it waits in the dead-letter queue */
        ERROR
    }

    /** The event a projection failed on, and since when. */
    public record Failure(Long globalIndex, String eventType, String message, Instant since) {
    }
}
