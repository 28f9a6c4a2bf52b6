package io.flexboard.fold;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.flexboard.schemas.EventEnvelope;

/**
 * Several tenants' events on one clock, in the order they happened: each event occurs one {@code step} after
 * the one before, whichever tenant it belongs to.
 */
public final class EventHistory {

    private final List<EventEnvelope> events = new ArrayList<>();
    private final Duration step;
    private Instant now;

    public EventHistory(Instant start, Duration step) {
        this.now = start;
        this.step = step;
    }

    /** A tenant with the basic license and a key, created now (as tenant creation issued a key before keys had names). */
    public TenantStory newTenant(String name) {
        TenantStory story = TenantStory.onSharedClock(name, sequence -> tick(), events::add);
        story.apiKeyIssued();
        return story;
    }

    public List<EventEnvelope> events() {
        return List.copyOf(events);
    }

    /** The events with {@code from <= occurred_at < to}, in order. */
    public List<EventEnvelope> between(Instant from, Instant to) {
        return events.stream().filter(e -> !e.getOccurredAt().isBefore(from) && e.getOccurredAt().isBefore(to)).toList();
    }

    private Instant tick() {
        Instant at = now;
        now = now.plus(step);
        return at;
    }
}
