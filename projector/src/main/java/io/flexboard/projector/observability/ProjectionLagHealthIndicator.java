package io.flexboard.projector.observability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flexboard.foundation.health.BoundedHealthIndicator;
import io.flexboard.foundation.health.HealthAdminClient;
import io.flexboard.schemas.wire.Topics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The {@code projectionLag} check: the projector's consumer group is at most
 * {@code flexboard.projector.health.max-lag} records behind the end of {@code flexboard.events},
 * summed over the partitions (a partition never committed counts from its beginning). Measured
 * from the broker (committed offsets against end offsets), so it is true even when the listener
 * has stopped or never started; an unreachable broker is DOWN.
 */
@Component("projectionLagHealthIndicator")
class ProjectionLagHealthIndicator extends BoundedHealthIndicator {

    private final HealthAdminClient healthAdmin;
    private final String group;
    private final long maxLag;
    private final long timeoutMs;

    ProjectionLagHealthIndicator(HealthAdminClient healthAdmin,
                                 @Value("${spring.kafka.consumer.group-id}") String group,
                                 @Value("${flexboard.projector.health.max-lag:10000}") long maxLag,
                                 @Value("${flexboard.health.timeout:2s}") Duration timeout) {
        super(timeout);
        this.healthAdmin = healthAdmin;
        this.group = group;
        this.maxLag = maxLag;
        this.timeoutMs = timeout.toMillis();
    }

    @Override
    protected Mono<Health> check() {
        // Three admin round trips; blocking on their futures is simplest, and never on the event loop.
        return Mono.fromCallable(this::measure).subscribeOn(Schedulers.boundedElastic());
    }

    private Health measure() throws Exception {
        AdminClient admin = healthAdmin.get();
        List<TopicPartition> partitions;
        try {
            TopicDescription topic = admin.describeTopics(List.of(Topics.EVENTS)).allTopicNames()
                    .get(timeoutMs, TimeUnit.MILLISECONDS).get(Topics.EVENTS);
            partitions = topic.partitions().stream().map(p -> new TopicPartition(Topics.EVENTS, p.partition())).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return details(Health.up(), 0).withDetail("note", "topic not created yet").build();
            }
            throw e;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(timeoutMs, TimeUnit.MILLISECONDS);
        // The end a read_committed consumer can reach: the last stable offset.
        ListOffsetsOptions options = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())), options)
                .all().get(timeoutMs, TimeUnit.MILLISECONDS);
        List<TopicPartition> neverCommitted = partitions.stream()
                .filter(p -> committed.get(p) == null).toList();
        Map<TopicPartition, ListOffsetsResultInfo> beginnings = neverCommitted.isEmpty() ? Map.of() : admin.listOffsets(
                neverCommitted.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.earliest())), options)
                .all().get(timeoutMs, TimeUnit.MILLISECONDS);
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata commit = committed.get(partition);
            long from = commit != null ? commit.offset() : beginnings.get(partition).offset();
            lag += Math.max(0, ends.get(partition).offset() - from);
        }
        return details(lag <= maxLag ? Health.up() : Health.down(), lag).build();
    }

    private Health.Builder details(Health.Builder health, long lag) {
        return health.withDetail("group", group).withDetail("topic", Topics.EVENTS)
                .withDetail("lag", lag).withDetail("maxLag", maxLag);
    }
}
