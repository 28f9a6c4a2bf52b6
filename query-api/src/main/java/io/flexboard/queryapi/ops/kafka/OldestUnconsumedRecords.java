package io.flexboard.queryapi.ops.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the timestamp of the record at each committed offset, the oldest record a group has not
 * consumed yet. A throw-away consumer without a group id: it assigns and seeks, never joins a
 * group, never commits, so it cannot disturb the groups it looks at.
 */
final class OldestUnconsumedRecords {

    private final Map<String, Object> consumerProperties;
    private final Duration timeout;

    OldestUnconsumedRecords(Map<String, Object> clientProperties, Duration timeout) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "flexboard-lag-probe");
        // A committed offset whose record retention already deleted: the oldest still there is the answer.
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The projector reads committed records only; an aborted record is never "waiting" for it.
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerProperties = Map.copyOf(properties);
        this.timeout = timeout;
    }

    /** The first record's timestamp at or after each offset; partitions not read within the timeout are left out. */
    Map<TopicPartition, Instant> at(Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, Instant> found = new HashMap<>();
        if (offsets.isEmpty()) {
            return found;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties)) {
            consumer.assign(offsets.keySet());
            offsets.forEach(consumer::seek);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < offsets.size() && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                for (TopicPartition partition : records.partitions()) {
                    // A poll returns a partition's records in offset order: the first is the oldest unconsumed.
                    found.putIfAbsent(partition, Instant.ofEpochMilli(records.records(partition).get(0).timestamp()));
                }
                consumer.pause(found.keySet());
            }
        }
        return found;
    }
}
