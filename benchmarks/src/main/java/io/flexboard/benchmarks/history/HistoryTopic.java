package io.flexboard.benchmarks.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.flexboard.schemas.wire.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The events topic of a benchmark's broker holding a generated history ({@link EventHistoryGenerator}):
 * written once, then reused by every later run on the same data directory, so that the export and
 * the rebuild benchmarks read the same 1,000,000 events.
 */
final class HistoryTopic {

    private HistoryTopic() {
    }

    /**
     * What is on the topic now.
     *
     * @param events  records on the topic
     * @param written what this call wrote (empty: the topic held events already, they were kept)
     * @param seconds how long writing took
     */
    record Contents(long events, Optional<EventHistoryGenerator.Written> written, double seconds) {
    }

    /** Creates the topic (6 partitions, kept forever) when missing and writes the history onto it when it is empty. */
    static Contents ensure(String bootstrapServers, EventHistoryGenerator generator) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(Topics.EVENTS)) {
                admin.createTopics(List.of(new NewTopic(Topics.EVENTS, 6, (short) 1).configs(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.EVENTS_MAX_MESSAGE_BYTES)))))
                        .all().get(30, TimeUnit.SECONDS);
            }
            long existing = records(admin);
            if (existing > 0) {
                return new Contents(existing, Optional.empty(), 0);
            }
            long start = System.nanoTime();
            // The relay's producer settings (idempotent, acks=all, no compression), batched for a bulk load.
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 20,
                    ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                    ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024), new StringSerializer(), new ByteArraySerializer())) {
                EventHistoryGenerator.Written written = generator.writeTo(producer, Topics.EVENTS);
                return new Contents(written.events(), Optional.of(written), (System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static long records(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        admin.describeTopics(List.of(Topics.EVENTS)).allTopicNames().get(30, TimeUnit.SECONDS).get(Topics.EVENTS).partitions()
                .forEach(partition -> query.put(new TopicPartition(Topics.EVENTS, partition.partition()), OffsetSpec.latest()));
        return admin.listOffsets(query).all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(info -> info.offset()).sum();
    }
}
