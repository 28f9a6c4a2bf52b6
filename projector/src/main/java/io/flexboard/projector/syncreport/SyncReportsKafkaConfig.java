package io.flexboard.projector.syncreport;

import java.util.HashMap;
import java.util.Map;

import io.flexboard.schemas.wire.AgentSyncReportDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The agent-syncs consumer: Boot's consumer settings (brokers, offsets, isolation) and listener
 * settings (batch acks, the retry-forever error handler of {@code KafkaConfig}), but its own
 * consumer group and the sync report value deserializer instead of the event envelope one.
 */
@Configuration(proxyBeanMethods = false)
class SyncReportsKafkaConfig {

    /** The listener container factory of {@link SyncReportsListener}. */
    static final String CONTAINER_FACTORY = "syncReportsContainerFactory";

    /**
     * Its own group, so the sync report read models' lag is measured apart from the event read models' and a
     * rebalance of one consumer never pauses the other. Its name predates the word "sync report" and
     * stays: a new group id would lose the committed offsets, and dashboards and alerts name it.
     */
    static final String GROUP_ID = "flexboard-projector-fleet";

    /**
     * Built from Boot's consumer factory's configuration rather than declared as a
     * {@code ConsumerFactory} bean: such a bean would replace Boot's own, and with it the events
     * listener's deserializer.
     */
    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> syncReportsContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> bootConsumers) {
        Map<String, Object> config = new HashMap<>(bootConsumers.getConfigurationProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        // A report that cannot be decoded reaches the listener as a null value, which skips it.
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        config.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, AgentSyncReportDeserializer.class);
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, new DefaultKafkaConsumerFactory<>(config));
        factory.setBatchListener(true);
        return factory;
    }
}
