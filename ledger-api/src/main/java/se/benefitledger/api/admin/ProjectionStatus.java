package se.benefitledger.api.admin;

import java.time.Instant;

/**
 * One projection: how far it has read the event store ({@code position}, the global index of the
 * last event it handled), how far the store goes ({@code headPosition}) and the difference.
 */
record ProjectionStatus(String name, State status, Long position, Long headPosition, Long lag, Instant lastEventTime) {

    enum State {
        /** following the event store */
        RUNNING,
        /** replaying from the first event after a rebuild */
        REBUILDING,
        /** behind and not moving */
        STALLED,
        /** its handlers fail; it retries */
        ERROR
    }
}
