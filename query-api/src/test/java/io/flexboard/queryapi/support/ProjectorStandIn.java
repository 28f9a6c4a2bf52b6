package io.flexboard.queryapi.support;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A real consumer group member standing in for the projector: subscribes, polls and commits like
 * the projector's listener does, but only when the test says so. Between calls it stays a member
 * (the client's heartbeat thread keeps it in the group) without consuming or committing anything.
 */
public final class ProjectorStandIn implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    public ProjectorStandIn(String bootstrapServers, String group, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(Set.of(topic));
    }

    /** Polls and commits until it has consumed every partition it owns up to the end. */
    public void consumesEverything() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200));
            consumer.commitSync();
            Set<TopicPartition> owned = consumer.assignment();
            if (!owned.isEmpty() && caughtUp(owned)) {
                // position() may have just set the positions of partitions never polled: commit them too,
                // or a group that had nothing to consume would have no committed offsets at all.
                consumer.commitSync();
                return;
            }
        }
        throw new IllegalStateException("the stand-in did not catch up within 60 s");
    }

    private boolean caughtUp(Set<TopicPartition> owned) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(owned);
        return owned.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
    }

    /** Leaves the group, as a projector that shuts down does. */
    @Override
    public void close() {
        consumer.close();
    }
}
