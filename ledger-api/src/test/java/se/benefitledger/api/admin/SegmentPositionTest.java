package se.benefitledger.api.admin;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How far a projection's segment has handled the store (issue 12: lag and STALLED in {@code /admin/projections}): a
 * segment that passed an open transaction's events stands at its index with those events as gaps, and is behind
 * until it has handled them.
 */
class SegmentPositionTest {

    @Test
    void aSegmentWithoutGapsHasHandledEverythingUpToItsIndex() {
        assertThat(SegmentPosition.of(GapAwareTrackingToken.newInstance(100, List.of())).handledThrough(Set.of())).isEqualTo(100);
    }

    @Test
    void aGapWhoseEventHasCommittedSinceHoldsTheSegmentJustBelowIt() {
        var segment = SegmentPosition.of(GapAwareTrackingToken.newInstance(100, List.of(50L, 60L, 70L)));

        assertThat(segment.handledThrough(Set.of(60L, 70L))).isEqualTo(59);
    }

    @Test
    void aGapWithoutAnEventIsARolledBackInsertAndHoldsNothing() {
        var segment = SegmentPosition.of(GapAwareTrackingToken.newInstance(100, List.of(50L)));

        assertThat(segment.handledThrough(Set.of())).isEqualTo(100);
    }

    @Test
    void aReplayingSegmentIsReadThroughItsCurrentToken() {
        var current = GapAwareTrackingToken.newInstance(40, List.of(30L));
        var replay = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(100, List.of()), current);

        assertThat(SegmentPosition.of(replay).handledThrough(Set.of(30L))).isEqualTo(29);
    }

    @Test
    void aTokenWithoutGapsOrPositionIsReadAsItIs() {
        assertThat(SegmentPosition.of(new GlobalSequenceTrackingToken(7)).handledThrough(Set.of(5L))).isEqualTo(7);
        assertThat(SegmentPosition.of(null).handledThrough(Set.of())).isNull();
    }
}
