package io.flexboard.projector;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.wire.EventEnvelopeSerializer;
import io.flexboard.schemas.wire.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends events to the embedded broker exactly as command-api's relay does: key = tenant id. */
final class EventsProducer implements AutoCloseable {

    private final KafkaProducer<String, EventEnvelope> producer;
    private final KafkaProducer<String, byte[]> rawProducer;

    EventsProducer(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new EventEnvelopeSerializer());
        rawProducer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends the events in order and waits until the broker has them all. */
    void send(List<EventEnvelope> events) {
        try {
            for (EventEnvelope event : events) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, event.getTenantId(), event)).get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not send the events", e);
        }
    }

    /** Sends bytes that are not an event envelope, as a broken producer might. */
    void sendGarbage(String key, byte[] value) {
        try {
            rawProducer.send(new ProducerRecord<>(Topics.EVENTS, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not send the record", e);
        }
    }

    @Override
    public void close() {
        producer.close();
        rawProducer.close();
    }
}
