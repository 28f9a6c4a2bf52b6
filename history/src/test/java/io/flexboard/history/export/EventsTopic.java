package io.flexboard.history.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.wire.EventCodec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * A fresh events topic on the test broker, written as command-api's relay writes: key = tenant id, the
 * partition left to Kafka's default partitioner, value = {@link EventCodec} bytes; the record timestamp is
 * the event's occurred_at, the time the export's range lookup finds.
 */
final class EventsTopic implements AutoCloseable {

    static final int PARTITIONS = 6;

    final String name;
    private final KafkaProducer<String, byte[]> producer;

    private EventsTopic(String name, String bootstrapServers) {
        this.name = name;
        // Not idempotent: right after a topic is created the broker may answer NOT_LEADER, and an idempotent
        // producer retrying then can wedge on an out-of-order sequence. One request in flight keeps the order.
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer());
    }

    static EventsTopic create(EmbeddedKafkaBroker broker, String name) {
        broker.addTopics(new NewTopic(name, PARTITIONS, (short) 1));
        awaitLeaders(broker.getBrokersAsString(), name);
        return new EventsTopic(name, broker.getBrokersAsString());
    }

    /** A new topic's partitions get their leader a moment after it is created. */
    private static void awaitLeaders(String bootstrapServers, String name) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (int attempt = 0; attempt < 100; attempt++) {
                TopicDescription topic = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
                if (topic.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("the partitions of " + name + " got no leader");
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not describe " + name, e);
        }
    }

    /** Sends the events in order; answers where each one landed. */
    List<RecordMetadata> send(List<EventEnvelope> events) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (EventEnvelope event : events) {
            sends.add(producer.send(new ProducerRecord<>(name, null, event.getOccurredAt().toEpochMilli(),
                    event.getTenantId(), EventCodec.instance().encode(event))));
        }
        return await(sends);
    }

    /** Sends bytes as they are, as an older or a broken producer might have written them. */
    RecordMetadata sendRaw(String key, Instant timestamp, byte[] value) {
        return await(List.of(producer.send(new ProducerRecord<>(name, null, timestamp.toEpochMilli(), key, value)))).get(0);
    }

    private static List<RecordMetadata> await(List<Future<RecordMetadata>> sends) {
        List<RecordMetadata> landed = new ArrayList<>();
        try {
            for (Future<RecordMetadata> send : sends) {
                landed.add(send.get());
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not send to the test broker", e);
        }
        return landed;
    }

    @Override
    public void close() {
        producer.close();
    }
}
