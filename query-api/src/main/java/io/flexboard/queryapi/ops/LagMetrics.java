package io.flexboard.queryapi.ops;

import io.flexboard.queryapi.ops.LagReport.GroupLag;
import io.flexboard.queryapi.ops.LagReport.PartitionLag;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The lag as gauges, under kafka-lag-exporter's names so its dashboards and alerts work unchanged
 * (Micrometer's dots become Prometheus' underscores: {@code kafka_consumergroup_group_lag}), plus
 * Flexboard's verdict per group and the relay's lag. Gauges of a partition or group that leaves the
 * report leave with it; values of an UNKNOWN relay are NaN (no data, not zero).
 */
@Component
class LagMetrics {

    private final MultiGauge partitionLag;
    private final MultiGauge partitionLagSeconds;
    private final MultiGauge groupMaxLag;
    private final MultiGauge groupMaxLagSeconds;
    private final MultiGauge groupStatus;
    private final AtomicReference<LagReport.RelayLag> relay = new AtomicReference<>(LagReport.RelayLag.unknown("not sampled yet"));

    public LagMetrics(MeterRegistry registry) {
        partitionLag = MultiGauge.builder("kafka.consumergroup.group.lag")
                .description("Offsets between a group's committed offset and the partition's end").register(registry);
        partitionLagSeconds = MultiGauge.builder("kafka.consumergroup.group.lag.seconds")
                .description("Seconds the oldest record the group has not consumed has waited; 0 when caught up").register(registry);
        groupMaxLag = MultiGauge.builder("kafka.consumergroup.group.max.lag")
                .description("The largest partition lag of the group, in offsets").register(registry);
        groupMaxLagSeconds = MultiGauge.builder("kafka.consumergroup.group.max.lag.seconds")
                .description("The largest partition lag of the group, in seconds").register(registry);
        groupStatus = MultiGauge.builder("flexboard.lag.status")
                .description("The group's verdict: 0 OK, 1 WARN, 2 STALL, 3 STOP, 4 REWIND, -1 UNKNOWN").register(registry);
        Gauge.builder("flexboard.relay.lag", relay, r -> r.get().lag() == null ? Double.NaN : r.get().lag())
                .description("Events in the event store not yet relayed to Kafka").register(registry);
        Gauge.builder("flexboard.relay.lag.seconds", relay, r -> r.get().lagSeconds() == null ? Double.NaN : r.get().lagSeconds())
                .description("Seconds the oldest event not yet relayed to Kafka has waited").register(registry);
        Gauge.builder("flexboard.relay.status", relay, r -> r.get().status().gaugeValue())
                .description("The relay's verdict: 0 OK, 1 WARN, 2 STALL, 3 STOP, 4 REWIND, -1 UNKNOWN").register(registry);
    }

    void record(LagReport report) {
        List<MultiGauge.Row<?>> lag = new ArrayList<>();
        List<MultiGauge.Row<?>> lagSeconds = new ArrayList<>();
        List<MultiGauge.Row<?>> maxLag = new ArrayList<>();
        List<MultiGauge.Row<?>> maxLagSeconds = new ArrayList<>();
        List<MultiGauge.Row<?>> status = new ArrayList<>();
        for (GroupLag group : report.groups()) {
            Tags groupTag = Tags.of("group", group.group());
            status.add(MultiGauge.Row.of(groupTag, group.status().gaugeValue()));
            if (group.error() != null) {
                continue;
            }
            maxLag.add(MultiGauge.Row.of(groupTag, group.maxLag()));
            maxLagSeconds.add(MultiGauge.Row.of(groupTag, group.maxLagSeconds()));
            for (PartitionLag partition : group.partitions()) {
                Tags tags = groupTag.and("topic", partition.topic()).and("partition", Integer.toString(partition.partition()));
                lag.add(MultiGauge.Row.of(tags, partition.lag()));
                lagSeconds.add(MultiGauge.Row.of(tags, partition.lagSeconds()));
            }
        }
        partitionLag.register(lag, true);
        partitionLagSeconds.register(lagSeconds, true);
        groupMaxLag.register(maxLag, true);
        groupMaxLagSeconds.register(maxLagSeconds, true);
        groupStatus.register(status, true);
        relay.set(report.relay());
    }
}
