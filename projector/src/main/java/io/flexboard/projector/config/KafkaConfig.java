package io.flexboard.projector.config;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The Kafka side's policy: a batch that fails transiently is retried forever, never skipped. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /**
     * What reaches this handler is a transient failure (database down, connection lost) or one
     * that every tenant of the batch met: an event's own failure (undecodable, refused by
     * PostgreSQL, a gap) was quarantined to its tenant before (QuarantiningProjection). It is
     * retried with back-off and never skipped: skipping would leave the read models permanently
     * without an event. Offsets stay uncommitted meanwhile, so a restart redelivers the same batch.
     */
    @Bean
    CommonErrorHandler batchErrorHandler(ProjectorSettings settings) {
        ExponentialBackOff backOff = new ExponentialBackOff(settings.retry().initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(settings.retry().maxInterval().toMillis());
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
}
