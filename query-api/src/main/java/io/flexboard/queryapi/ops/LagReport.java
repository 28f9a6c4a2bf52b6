package io.flexboard.queryapi.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flexboard.queryapi.ops.trend.LagStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * GET /api/ops/lag: the newest sample of every Flexboard consumer group and of the event-store
 * relay, each with its verdict over the last {@code window} samples. {@code sampled_at} is null
 * until the first sample is taken.
 */
public record LagReport(Instant sampledAt, int window, List<GroupLag> groups, RelayLag relay) {

    static LagReport notSampledYet(int window) {
        return new LagReport(null, window, List.of(), RelayLag.unknown("not sampled yet"));
    }

    /** One consumer group: its worst partition's status, its total lag and its slowest partition's wait. */
    public record GroupLag(String group, LagStatus status, long totalLag, double maxLagSeconds, List<PartitionLag> partitions,
            @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

        static GroupLag of(String group, List<PartitionLag> partitions) {
            LagStatus status = LagStatus.OK;
            long total = 0;
            double maxSeconds = 0;
            for (PartitionLag partition : partitions) {
                status = status.worse(partition.status());
                total += partition.lag();
                maxSeconds = Math.max(maxSeconds, partition.lagSeconds());
            }
            return new GroupLag(group, status, total, maxSeconds, List.copyOf(partitions), null);
        }

        /** The monitor could not look at the group (the broker is unreachable). */
        static GroupLag unknown(String group, String error) {
            return new GroupLag(group, LagStatus.UNKNOWN, 0, 0, List.of(), error);
        }

        /** The lag of its worst partition, for the max-lag gauge. */
        public long maxLag() {
            return partitions.stream().mapToLong(PartitionLag::lag).max().orElse(0);
        }
    }

    /** One partition a group has committed an offset for. */
    public record PartitionLag(String topic, int partition, long committedOffset, long endOffset, long lag, double lagSeconds,
            LagStatus status) {
    }

    /**
     * The relay from the event store to Kafka: {@code lag} events are stored but not yet in Kafka,
     * the oldest for {@code lag_seconds}. Both null when the status is UNKNOWN.
     */
    public record RelayLag(LagStatus status, Long lag, Double lagSeconds, @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

        static RelayLag unknown(String error) {
            return new RelayLag(LagStatus.UNKNOWN, null, null, error);
        }
    }

    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
