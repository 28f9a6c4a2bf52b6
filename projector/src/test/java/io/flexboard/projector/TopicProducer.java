package io.flexboard.projector;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends records to one topic of the embedded broker exactly as their real producer does (command-api's
 * relay for events, agent-bridge for sync reports): its serializer, key = tenant id, acks=all.
 */
final class TopicProducer<T> implements AutoCloseable {

    private final String topic;
    private final Function<T, String> key;
    private final KafkaProducer<String, T> producer;
    private final KafkaProducer<String, byte[]> rawProducer;

    TopicProducer(String bootstrapServers, String topic, Serializer<T> serializer, Function<T, String> key) {
        this.topic = topic;
        this.key = key;
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), serializer);
        rawProducer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends the records in order and waits until the broker has them all. */
    void send(List<T> records) {
        try {
            for (T record : records) {
                producer.send(new ProducerRecord<>(topic, key.apply(record), record)).get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    @SafeVarargs
    final void send(T... records) {
        send(List.of(records));
    }

    /** Sends bytes its consumer cannot decode, as a broken or newer producer might. */
    void sendGarbage(String recordKey, byte[] value) {
        sendBytes(recordKey, value);
    }

    /** Sends an already encoded value, e.g. one written with an older schema. */
    void sendBytes(String recordKey, byte[] value) {
        try {
            rawProducer.send(new ProducerRecord<>(topic, recordKey, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not send the record to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
        rawProducer.close();
    }
}
