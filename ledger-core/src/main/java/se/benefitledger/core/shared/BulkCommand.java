package se.benefitledger.core.shared;

import java.util.Collection;
import java.util.UUID;

/**
 * A command that loads or creates many aggregates in one unit of work. The application may load their
 * events up front in one query instead of one per aggregate.
 * <p>
 * A bulk command changes at most {@value #MAX_AGGREGATES} aggregates: its events take their global
 * indexes when they are appended and hold them until the unit of work commits, and every event
 * another command commits meanwhile makes the projections record those indexes as gaps in their
 * tokens. Larger work (a payout batch of 100,000 payments) is split into parts of this size and
 * committed part by part (see {@code docs/bulk-commands.md}).
 */
public interface BulkCommand {

    int MAX_AGGREGATES = 400;

    /** The aggregates the handler will load (not those it creates). */
    Collection<UUID> aggregateIdentifiers();
}
