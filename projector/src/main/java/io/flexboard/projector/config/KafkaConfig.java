package io.flexboard.projector.config;

import java.util.Map;

import io.flexboard.schemas.wire.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The Kafka side's policies: retry a failed batch forever, dead-letter undecodable records. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    /** Where records that cannot be decoded as an {@code EventEnvelope} go, bytes untouched. */
    public static final String DEAD_LETTER_TOPIC = Topics.EVENTS + ".DLT";

    /**
     * A batch that fails (database down, sequence gap, bug) is retried with back-off and never
     * skipped: skipping would leave the read models permanently without an event. Offsets stay
     * uncommitted meanwhile, so a restart redelivers the same batch. Operators watch the
     * {@code flexboard.projector.sequence.gaps} counter and the ERROR log.
     */
    @Bean
    CommonErrorHandler batchErrorHandler(ProjectorProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retry().initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retry().maxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        DefaultErrorHandler errorHandler = new DefaultErrorHandler((record, exception) -> {
            throw new IllegalStateException("A projection batch must never be skipped", exception);
        }, backOff);
        // Even "fatal" exceptions (e.g. a ClassCastException from a bug) are retried: the fix is a
        // redeploy, after which the same batch must still be there.
        errorHandler.setClassifications(Map.of(), true);
        return errorHandler;
    }

    @Bean
    DeadLetterPublishingRecoverer deadLetters(ProducerFactory<Object, Object> producerFactory) {
        // Any partition: the DLT need not have as many partitions as the events topic.
        return new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producerFactory),
                (ConsumerRecord<?, ?> record, Exception exception) -> new TopicPartition(DEAD_LETTER_TOPIC, -1));
    }

    @Bean
    NewTopic deadLetterTopic() {
        return TopicBuilder.name(DEAD_LETTER_TOPIC)
                .partitions(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .build();
    }
}
