package io.flexboard.queryapi.ops.kafka;

import io.flexboard.queryapi.ops.trend.Position;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.TopicPartition;

/**
 * One partition as a group's committed offset sees it. {@code oldestUnconsumedAt} is the timestamp
 * of the record at the committed offset, null when nothing is unconsumed (or it could not be read).
 */
public record ObservedPartition(TopicPartition partition, long committed, long end, Instant oldestUnconsumedAt) {

    public Position position() {
        return Position.ofOffsets(committed, end);
    }

    /** How long the oldest unconsumed record has waited; zero when caught up (never negative under clock skew). */
    public Duration lagTime(Instant now) {
        if (position().lag() == 0 || oldestUnconsumedAt == null || oldestUnconsumedAt.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(oldestUnconsumedAt, now);
    }
}
