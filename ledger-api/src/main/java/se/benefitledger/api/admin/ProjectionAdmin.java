package se.benefitledger.api.admin;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.api.problem.NotFoundException;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Status and rebuilds of the report projections (Axon's streaming processors). A rebuild stops the
 * processor, resets its token (its reset handler empties its tables in the same transaction) and
 * starts it again: it replays from the first event while the service, reports included, keeps
 * answering.
 */
@Service
public class ProjectionAdmin {

    /** Behind for this long without moving: stalled. */
    static final Duration STALL_AFTER = Duration.ofSeconds(60);
    /** This node as the token store names it in {@code token_entry.owner}: the JdbcTokenStore's default node id. */
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();
    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    private final EventProcessingConfiguration processing;
    private final ProjectionFailures failures;
    private final DeadLetters deadLetters;
    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Clock clock;
    private final Map<String, Progress> lastProgress = new ConcurrentHashMap<>();
    private final Set<String> rebuilding = ConcurrentHashMap.newKeySet();
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    private record Progress(long position, Instant since) {
    }

    private record Segment(SegmentPosition at, boolean replaying) {
    }

    ProjectionAdmin(EventProcessingConfiguration processing, ProjectionFailures failures, DeadLetters deadLetters, JdbcClient jdbc,
                    Serializer serializer, Clock clock) {
        this.processing = processing;
        this.failures = failures;
        this.deadLetters = deadLetters;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = clock;
    }

    public List<ProjectionStatus> statuses() {
        long head = head();
        return processors().stream().map(processor -> status(processor, head)).toList();
    }

    ProjectionStatus status(String name) {
        return status(processor(name), head());
    }

    ProjectionStatus rebuild(String name) {
        var processor = processor(name);
        if (rebuilding.add(name)) {
            rebuilds.execute(() -> {
                try {
                    log.info("Rebuilding projection {}", name);
                    processor.shutDown();
                    takeOverSegments(name);
                    processor.resetTokens();
                    processor.start();
                } catch (RuntimeException e) {
                    log.error("Rebuild of projection {} failed; starting it where it was", name, e);
                    processor.start();
                } finally {
                    rebuilding.remove(name);
                }
            });
        }
        return status(processor, head());
    }

    /**
     * Claims every segment of the processor for this node, in a transaction of its own, before the
     * reset: Axon resets only tokens it can claim, and without Axon Server nothing asks the other
     * nodes to let theirs go. A batch another node is writing then fails to store its token and is
     * rolled back, and that node's coordinator leaves the segments alone while this node holds
     * them; the balancer hands the other nodes their share again afterwards.
     */
    private void takeOverSegments(String name) {
        jdbc.sql("UPDATE token_entry SET owner = ?, timestamp = ? WHERE processor_name = ?")
            .params(NODE, DateTimeUtils.formatInstant(clock.instant()), name).update();
    }

    private ProjectionStatus status(StreamingEventProcessor processor, long head) {
        var segments = processor.processingStatus().values();
        var everySegment = segments(processor);
        var committed = committedGaps(everySegment, head);
        OptionalLong current = everySegment.stream().map(segment -> segment.at().handledThrough(committed)).filter(at -> at != null)
                                           .mapToLong(Long::longValue).min();
        Long position = current.isPresent() ? current.getAsLong() : null;
        Long lag = position == null ? null : Math.max(0, head - position);
        long waiting = deadLetters.count(processor.getName());
        var failure = failures.current(processor.getName(), position).or(() -> waiting > 0 ? deadLetters.oldest(processor.getName()) : Optional.empty());
        ProjectionStatus.State state;
        if (failure.isPresent() || processor.isError() || segments.stream().anyMatch(EventTrackerStatus::isErrorState)) {
            state = ProjectionStatus.State.ERROR;
        } else if (rebuilding.contains(processor.getName()) || everySegment.stream().anyMatch(Segment::replaying)) {
            state = ProjectionStatus.State.REBUILDING;
        } else if (stalled(processor, position, lag)) {
            state = ProjectionStatus.State.STALLED;
        } else {
            state = ProjectionStatus.State.RUNNING;
        }
        return new ProjectionStatus(processor.getName(), state, position, head, lag, position == null ? null : recordedAt(position),
                failure.orElse(null), waiting);
    }

    /**
     * Every segment of the processor: those this node processes as it sees them, those another node
     * holds (or nobody, for now) at the position their token stores (an idle segment stores its
     * position every few seconds); {@code processingStatus()} alone would show this node's share.
     * Whether a stored segment replays is not told: a stored replay token lags its segment, so a
     * rebuild shows REBUILDING on the node that runs it.
     */
    private List<Segment> segments(StreamingEventProcessor processor) {
        var here = processor.processingStatus();
        var all = new HashMap<Integer, Segment>();
        here.forEach((id, status) -> all.put(id, new Segment(SegmentPosition.of(status.getTrackingToken()), replaying(status))));
        jdbc.sql("SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?").param(processor.getName())
            .query((row, number) -> {
                int id = row.getInt(1);
                if (!all.containsKey(id)) {
                    all.put(id, stored(row.getBytes(2), row.getString(3)));
                }
                return id;
            }).list();
        return List.copyOf(all.values());
    }

    private Segment stored(byte[] token, String type) {
        if (token == null) {
            return new Segment(SegmentPosition.NONE, false);
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return new Segment(SegmentPosition.of(tracking), false);
    }

    /**
     * The segments' gaps up to the head whose events have committed since the segments passed them: events they have
     * still to handle, so that a segment waiting for one is behind, and stalled if it never handles it. One query, and
     * none while no segment has a gap.
     */
    private Set<Long> committedGaps(List<Segment> segments, long head) {
        var gaps = segments.stream().flatMap(segment -> segment.at().gaps().headSet(head + 1).stream()).distinct().toArray(Long[]::new);
        if (gaps.length == 0) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT global_index FROM domain_event_entry WHERE global_index = ANY(?)").param(gaps)
                              .query(Long.class).list());
    }

    /**
     * Still replaying the events that were there at the reset. (Axon keeps a segment marked as
     * replaying until an event newer than the reset arrives, even when it has handled them all.)
     */
    private static boolean replaying(EventTrackerStatus segment) {
        return segment.isReplaying() && segment.getCurrentPosition().orElse(-1) < segment.getResetPosition().orElse(Long.MAX_VALUE);
    }

    /** Behind the head and not moving for {@link #STALL_AFTER}, or not running at all (on this node) while events wait. */
    private boolean stalled(StreamingEventProcessor processor, Long position, Long lag) {
        Instant now = clock.instant();
        if (!processor.isRunning()) {
            return position == null ? head() > 0 : lag > 0;
        }
        if (position == null) {
            return false;
        }
        var progress = lastProgress.compute(processor.getName(),
                (name, last) -> last == null || last.position() != position ? new Progress(position, now) : last);
        return lag > 0 && Duration.between(progress.since(), now).compareTo(STALL_AFTER) >= 0;
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                         .filter(StreamingEventProcessor.class::isInstance)
                         .map(StreamingEventProcessor.class::cast)
                         .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                         .toList();
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(() -> new NotFoundException("projection", name));
    }

    private long head() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }

    private Instant recordedAt(long position) {
        return jdbc.sql("SELECT time_stamp FROM domain_event_entry WHERE global_index = ?")
                   .param(position).query(String.class).optional().map(Instant::parse).orElse(null);
    }
}
