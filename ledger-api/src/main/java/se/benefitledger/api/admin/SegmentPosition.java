package se.benefitledger.api.admin;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;

/**
 * Where a segment of a projection stands: the highest global index it has handled, and the lower indexes it passed
 * while their transactions were still open (its token's gaps). A gap whose event has committed since is an event the
 * segment has still to handle; a gap without an event was a rolled-back insert and waits for nothing.
 */
record SegmentPosition(Long index, SortedSet<Long> gaps) {

    static final SegmentPosition NONE = new SegmentPosition(null, Collections.emptySortedSet());

    static SegmentPosition of(TrackingToken token) {
        if (token == null || token.position().isEmpty()) {
            return NONE;
        }
        SortedSet<Long> gaps = WrappedToken.unwrap(token, GapAwareTrackingToken.class).map(GapAwareTrackingToken::getGaps)
                                           .orElse(Collections.emptySortedSet());
        return new SegmentPosition(token.position().getAsLong(), gaps);
    }

    /** Every event up to the answer is handled: the index, or just below the lowest gap whose event has committed. */
    Long handledThrough(Set<Long> committed) {
        if (index == null) {
            return null;
        }
        return gaps.stream().filter(committed::contains).findFirst().map(gap -> Math.min(index, gap - 1)).orElse(index);
    }
}
