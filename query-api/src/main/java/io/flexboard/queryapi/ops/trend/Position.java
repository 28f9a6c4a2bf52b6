package io.flexboard.queryapi.ops.trend;

/**
 * One sample of a consumer's place in a log: how far it has committed, where the log ends, and
 * how much lies between (for Kafka {@code end - committed}; for the relay the count of events
 * beyond its token, which need not be that difference when the token has gaps).
 */
public record Position(long committed, long end, long lag) {

    public Position {
        if (lag < 0) {
            throw new IllegalArgumentException("lag must not be negative, got " + lag);
        }
    }

    /** A Kafka partition's position: lag is what lies between the committed and the end offset. */
    public static Position ofOffsets(long committed, long end) {
        return new Position(committed, end, Math.max(0, end - committed));
    }
}
