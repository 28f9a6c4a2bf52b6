package io.flexboard.commandapi.observability;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.flexboard.commandapi.relay.KafkaRelay;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import io.flexboard.foundation.health.BoundedHealthIndicator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The {@code relay} check: Axon's tracking processor {@code kafka-relay} runs and is not in error
 * (an error means it is retrying a batch the broker did not acknowledge, so nothing new reaches
 * Kafka meanwhile). A replica whose processor runs without owning the segment (another replica
 * relays) is UP: it relays as soon as it claims it.
 */
@Component("relayHealthIndicator")
class RelayHealthIndicator extends BoundedHealthIndicator {

    private final EventProcessingConfiguration processing;

    RelayHealthIndicator(EventProcessingConfiguration processing, @Value("${flexboard.health.timeout:2s}") Duration timeout) {
        super(timeout);
        this.processing = processing;
    }

    @Override
    protected Mono<Health> check() {
        return Mono.fromSupplier(() -> {
            Optional<StreamingEventProcessor> relay =
                    processing.eventProcessor(KafkaRelay.PROCESSING_GROUP, StreamingEventProcessor.class);
            if (relay.isEmpty()) {
                return Health.down().withDetail("processor", KafkaRelay.PROCESSING_GROUP)
                        .withDetail("error", "no such streaming processor").build();
            }
            StreamingEventProcessor processor = relay.get();
            Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
            boolean healthy = processor.isRunning() && !processor.isError();
            Health.Builder health = (healthy ? Health.up() : Health.down())
                    .withDetail("processor", processor.getName())
                    .withDetail("running", processor.isRunning())
                    .withDetail("inError", processor.isError())
                    .withDetail("claimedSegments", segments.size())
                    .withDetail("caughtUp", !segments.isEmpty() && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp));
            segments.values().stream().filter(EventTrackerStatus::isErrorState).findFirst()
                    .map(EventTrackerStatus::getError)
                    .ifPresent(error -> health.withDetail("lastError", error.getClass().getSimpleName() + ": " + error.getMessage()));
            return health.build();
        });
    }
}
