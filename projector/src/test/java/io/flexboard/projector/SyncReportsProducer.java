package io.flexboard.projector;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.flexboard.schemas.agent.AgentSyncReport;
import io.flexboard.schemas.wire.AgentSyncReportSerializer;
import io.flexboard.schemas.wire.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends sync reports to the embedded broker exactly as agent-bridge does: key = tenant id. */
final class SyncReportsProducer implements AutoCloseable {

    private final KafkaProducer<String, AgentSyncReport> producer;
    private final KafkaProducer<String, byte[]> rawProducer;

    SyncReportsProducer(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new AgentSyncReportSerializer());
        rawProducer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends the reports in order and waits until the broker has them all. */
    void send(AgentSyncReport... reports) {
        try {
            for (AgentSyncReport report : List.of(reports)) {
                producer.send(new ProducerRecord<>(Topics.AGENT_SYNCS, report.getTenantId(), report)).get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not send the sync reports", e);
        }
    }

    /** Sends bytes that are not a sync report, as a broken or newer bridge might. */
    void sendGarbage(String key, byte[] value) {
        try {
            rawProducer.send(new ProducerRecord<>(Topics.AGENT_SYNCS, key, value)).get();
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
