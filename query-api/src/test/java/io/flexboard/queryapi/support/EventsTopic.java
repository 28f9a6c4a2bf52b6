package io.flexboard.queryapi.support;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records to a topic the way the relay would (acknowledged by all replicas), one partition at a time. */
public final class EventsTopic implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    public EventsTopic(String bootstrapServers, String topic) {
        this.topic = topic;
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** {@code count} events on {@code partition}, each acknowledged before the next. */
    public void eventsPublished(int partition, int count) {
        for (int i = 0; i < count; i++) {
            try {
                producer.send(new ProducerRecord<>(topic, partition, "tenant-" + partition, "event " + i)).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
