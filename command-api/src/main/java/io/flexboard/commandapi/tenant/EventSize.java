package io.flexboard.commandapi.tenant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flexboard.commandapi.api.EventTooLargeException;
import io.flexboard.schemas.Branding;
import io.flexboard.schemas.DashboardSnapshot;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.PublishedConfiguration;
import io.flexboard.schemas.Widget;
import io.flexboard.schemas.event.DraftSavedEvent;
import io.flexboard.schemas.wire.EventCodec;
import org.apache.avro.specific.SpecificRecord;

/**
 * Keeps every event under the events topic's record limit. An event the broker refuses would stop
 * the relay for every tenant (it retries the batch forever), so a command whose event would be
 * larger than {@link #MAX_EVENT_BYTES} is refused before anything is applied.
 *
 * <p>The budget (docs/events.md): the topic's {@code max.message.bytes} is 1,048,588 and the
 * producer's {@code max.request.size} 1,048,576; an event's encoded envelope may take 1,000,000 of
 * them, the rest is the Kafka record and batch headers and the key.
 */
final class EventSize {

    /** The largest encoded envelope (single-object Avro) an event may have. */
    static final int MAX_EVENT_BYTES = 1_000_000;
    /** The envelope fields the aggregate does not know yet, at their longest: actor and correlation id. */
    private static final String LONGEST_ACTOR = "a".repeat(200);
    private static final String LONGEST_CORRELATION_ID = "c".repeat(100);
    private static final String AN_ID = new UUID(0, 0).toString();
    /** A version message at its longest in UTF-8 (3 bytes per UTF-16 unit at worst), so any message fits later. */
    private static final String LONGEST_MESSAGE = "\u20ac".repeat(TenantRules.MAX_MESSAGE_LENGTH);

    private EventSize() {
    }

    /** The encoded size of the event's envelope, its relay-time fields at their longest. */
    static int of(SpecificRecord payload) {
        EventEnvelope envelope = EventEnvelope.newBuilder()
                .setEventId(AN_ID)
                .setTenantId(AN_ID)
                .setAggregateSequence(Long.MAX_VALUE)
                .setOccurredAt(Instant.EPOCH)
                .setActor(LONGEST_ACTOR)
                .setCorrelationId(LONGEST_CORRELATION_ID)
                .setPayload(payload)
                .build();
        return EventCodec.instance().encode(envelope).length;
    }

    /** Refuses the event, naming {@code field}, when it would not fit. */
    static void check(SpecificRecord payload, String field, String what) {
        int size = of(payload);
        if (size > MAX_EVENT_BYTES) {
            throw new EventTooLargeException(field, what + " would be " + size + " bytes; the limit is " + MAX_EVENT_BYTES);
        }
    }

    /**
     * Refuses a change to the working copy after which the tenant's next draft — a snapshot of all
     * its dashboards, widgets and branding, with the longest message — would not fit: checked when
     * the working copy grows, so saving a draft never fails on size.
     */
    static void checkDraftFits(String tenantId, List<DashboardSnapshot> dashboards, List<Widget> widgets, Branding branding,
                               String field) {
        DraftSavedEvent draft = new DraftSavedEvent(tenantId, AN_ID, Integer.MAX_VALUE, LONGEST_MESSAGE, LONGEST_ACTOR,
                new PublishedConfiguration(dashboards, widgets, branding), Integer.MAX_VALUE, AN_ID, Integer.MAX_VALUE);
        check(draft, field, "the tenant's draft (all its dashboards, widgets and branding)");
    }
}
