package io.flexboard.queryapi.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flexboard.queryapi.ops.stuck.ParkedEvent;
import io.flexboard.queryapi.ops.stuck.QuarantinedTenant;
import io.flexboard.queryapi.ops.trend.LagStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * GET /api/ops/lag: the newest sample of every Flexboard consumer group, of the event-store relay
 * and of the projector's quarantines, each with its verdict ({@code status}: the worst of them).
 * Groups and relay are judged over the last {@code window} samples; a quarantined tenant or an
 * event the relay parked is STOP at once: that tenant's events stop until an operator acts.
 * {@code sampled_at} is null until the first sample is taken.
 */
record LagReport(Instant sampledAt, int window, LagStatus status, List<GroupLag> groups, RelayLag relay,
        Quarantines quarantines) {

    LagReport(Instant sampledAt, int window, List<GroupLag> groups, RelayLag relay, Quarantines quarantines) {
        this(sampledAt, window, worst(groups, relay, quarantines), groups, relay, quarantines);
    }

    static LagReport notSampledYet(int window) {
        return new LagReport(null, window, List.of(), RelayLag.unknown("not sampled yet"), Quarantines.unknown("not sampled yet"));
    }

    private static LagStatus worst(List<GroupLag> groups, RelayLag relay, Quarantines quarantines) {
        LagStatus status = relay.status().worse(quarantines.status());
        for (GroupLag group : groups) {
            status = status.worse(group.status());
        }
        return status;
    }

    /** The projector's quarantined tenants (docs/operations.md): STOP when there is one, OK when none. */
    public record Quarantines(LagStatus status, List<QuarantinedTenant> tenants,
            @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

        static Quarantines of(List<QuarantinedTenant> tenants) {
            return new Quarantines(tenants.isEmpty() ? LagStatus.OK : LagStatus.STOP, List.copyOf(tenants), null);
        }

        static Quarantines unknown(String error) {
            return new Quarantines(LagStatus.UNKNOWN, List.of(), error);
        }
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
     * the oldest for {@code lag_seconds}. Both null when the status is UNKNOWN. {@code parked}: the
     * events the broker refused for good and those of their tenants waiting behind them; any makes
     * the status STOP.
     */
    public record RelayLag(LagStatus status, Long lag, Double lagSeconds, List<ParkedEvent> parked,
            @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

        static RelayLag unknown(String error) {
            return new RelayLag(LagStatus.UNKNOWN, null, null, List.of(), error);
        }

        /** This verdict with the parked events: STOP when there is one. */
        RelayLag withParked(List<ParkedEvent> events) {
            return new RelayLag(events.isEmpty() ? status : status.worse(LagStatus.STOP), lag, lagSeconds, List.copyOf(events), error);
        }
    }

    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
