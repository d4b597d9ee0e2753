package se.benefitledger.api.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Several service processes on one database ({@code ledger.cluster}).
 *
 * @param conflictRetries times a command that met a concurrent change is run again before it is answered 409
 * @param balanceInterval how often a node compares the report segments it holds with its fair share
 * @param releaseFor      how long a node leaves a segment it gave up to the others before it may claim it again; no longer
 *                        than the token claim timeout, so that it never delays taking over from a node that died
 */
@ConfigurationProperties("ledger.cluster")
record ClusterProperties(@DefaultValue("3") int conflictRetries,
                         @DefaultValue("5s") Duration balanceInterval,
                         @DefaultValue("10s") Duration releaseFor) {
}
