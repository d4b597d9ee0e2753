package se.benefitledger.core.shared;

import java.util.Collection;
import java.util.UUID;

/**
 * A command that loads many aggregates in one unit of work (a payout batch of 100,000 payments).
 * The application may load their events up front in one query instead of one per aggregate.
 */
public interface BulkCommand {

    /** The aggregates the handler will load. */
    Collection<UUID> aggregateIdentifiers();
}
