package io.flexboard.commandapi.relay;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.flexboard.commandapi.relay.ParkedEvents.Parked;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.wire.EventCodec;
import io.flexboard.schemas.wire.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gets parked events into Kafka once they may go, every {@code flexboard.relay.parking.release-interval}:
 * a refused event an operator marked {@code retry} is sent again ({@code sent}, or refused again with
 * the new error), one marked {@code skip} is left out ({@code skipped}); then the held events of every
 * tenant with no refused event left are sent in the tenant's order. Each row is marked after the
 * broker acknowledged it, so a crash in between sends it twice (same event id and sequence: the
 * projector skips the duplicate), never not at all. Also keeps {@code flexboard.relay.parked.events}.
 */
@Component
class ParkedEventsReleaser {

    private static final Logger log = LoggerFactory.getLogger(ParkedEventsReleaser.class);

    private final ParkedEvents parked;
    private final KafkaTemplate<String, EventEnvelope> kafka;
    private final Duration ackTimeout;
    private final AtomicLong waiting = new AtomicLong();

    ParkedEventsReleaser(ParkedEvents parked, KafkaTemplate<String, EventEnvelope> kafka,
                         @Value("${flexboard.relay.ack-timeout:30s}") Duration ackTimeout, MeterRegistry meters) {
        this.parked = parked;
        this.kafka = kafka;
        this.ackTimeout = ackTimeout;
        Gauge.builder("flexboard.relay.parked.events", waiting, AtomicLong::get)
                .description("Events the relay parked: refused by the broker for good, or held behind such an event of their tenant")
                .register(meters);
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${flexboard.relay.parking.release-interval:5s}")
    void release() {
        try {
            for (Parked event : parked.resolved()) {
                if ("skip".equals(event.resolution())) {
                    parked.done(event.id(), "skipped");
                    log.warn("Parked event {} (tenant {}, sequence {}) skipped as an operator decided; the projector will see a gap "
                            + "and quarantine the tenant there until it is skipped there too", event.eventId(), event.tenantId(),
                            event.sequence());
                } else {
                    send(event);
                }
            }
            Set<String> stopped = new HashSet<>();
            for (Parked event : parked.releasable()) {
                if (!stopped.contains(event.tenantId()) && !send(event)) {
                    stopped.add(event.tenantId());
                }
            }
        } catch (RuntimeException e) {
            // The broker or the database away: the next run tries again.
            log.warn("Cannot release parked events now: {}", e.toString());
        } finally {
            refreshGauge();
        }
    }

    /** Sends one parked event and marks it; false when it was refused again (or the broker is away). */
    private boolean send(Parked event) {
        EventEnvelope envelope = EventCodec.instance().decode(event.record());
        try {
            kafka.send(Topics.EVENTS, event.tenantId(), envelope).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            Optional<String> refusal = BrokerRefusal.of(e);
            if (refusal.isPresent()) {
                parked.refused(event.id(), refusal.get());
                log.error("Kafka refused parked event {} (tenant {}, sequence {}) again: {}", event.eventId(), event.tenantId(),
                        event.sequence(), refusal.get());
            } else {
                log.warn("Cannot send parked event {} now: {}", event.eventId(), e.toString());
            }
            return false;
        }
        parked.done(event.id(), "sent");
        log.info("Sent parked event {} (tenant {}, sequence {})", event.eventId(), event.tenantId(), event.sequence());
        return true;
    }

    private void refreshGauge() {
        try {
            waiting.set(parked.waitingCount());
        } catch (RuntimeException e) {
            log.warn("Cannot count parked events: {}", e.toString());
        }
    }
}
