package io.flexboard.projector.rebuild;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flexboard.projector.rebuild.*}: how a projection rebuild reads the history, reports progress
 * and takes over the live read models (docs/projector.md, "Rebuilding the read models").
 *
 * @param maxPollRecords  events per poll and so per rebuild transaction (the live projector keeps Kafka's 500)
 * @param progressInterval how often progress is logged, stored for GET and the heartbeat renewed
 * @param lease           an unfinished rebuild whose heartbeat is older is taken over by another projector
 * @param rateWindow      events per second are measured over this sliding window
 * @param switchLag       the rebuild takes the live lock once it is at most this many events behind the topic's end
 * @param lockTimeout     how long the switch-over waits for a live table lock, and at most holds the live
 *                        projector to catch up, before it rolls back and tries again
 * @param gateRetry       a rebuild of some read models that is ahead of the live projector waits this long before it looks again
 * @param lanes           partitions read and applied side by side (lane i reads partitions p % lanes = i), each with
 *                        its own consumer, thread and transactions; more lanes than partitions leave some idle
 */
@ConfigurationProperties("flexboard.projector.rebuild")
record RebuildSettings(@DefaultValue("5000") int maxPollRecords,
                       @DefaultValue("2s") Duration progressInterval,
                       @DefaultValue("30s") Duration lease,
                       @DefaultValue("30s") Duration rateWindow,
                       @DefaultValue("1000") long switchLag,
                       @DefaultValue("10s") Duration lockTimeout,
                       @DefaultValue("500ms") Duration gateRetry,
                       @DefaultValue("3") int lanes) {

    RebuildSettings {
        if (maxPollRecords < 1) {
            throw new IllegalStateException("flexboard.projector.rebuild.max-poll-records must be at least 1, got " + maxPollRecords);
        }
        if (lanes < 1) {
            throw new IllegalStateException("flexboard.projector.rebuild.lanes must be at least 1, got " + lanes);
        }
        if (lease.compareTo(progressInterval.multipliedBy(3)) < 0) {
            // A heartbeat every progress interval must renew the lease well before it expires.
            throw new IllegalStateException("flexboard.projector.rebuild.lease (" + lease
                    + ") must be at least three progress intervals (" + progressInterval + ")");
        }
    }
}
