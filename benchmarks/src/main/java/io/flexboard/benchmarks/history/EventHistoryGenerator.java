package io.flexboard.benchmarks.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.wire.EventCodec;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A deterministic, realistic history of the events topic for the history benchmarks (docs/PERFORMANCE.md):
 * many tenants, each a valid stream as {@code TenantAggregate} would write it (created with an API key,
 * dashboards up to its license, many widget edits with realistic configurations, draft snapshots, publishes
 * that archive the previous version first; sequences 0, 1, 2 … without gaps), plus one big tenant for the
 * state-at-a-moment benchmark. Events come out in occurred_at order across tenants, spread over months.
 *
 * <p>The same {@link Settings} always give the same events (ids included), so one benchmark can write the
 * topic and another regenerate the big tenant's stream in memory with {@link #bigTenantEvents()}.
 */
public final class EventHistoryGenerator {

    /**
     * What to generate.
     *
     * @param tenants         ordinary tenants
     * @param events          events in all, the big tenant's included
     * @param bigTenantEvents events of the one big tenant
     * @param start           the first tenant's creation
     * @param end             no event occurs at or after it
     * @param seed            the seed of every random choice
     */
    public record Settings(int tenants, long events, long bigTenantEvents, Instant start, Instant end, long seed) {

        /** 1,000 tenants and one with 10,000 events, 1,000,000 events over the six months before 2026-12-01. */
        public static Settings defaults() {
            return new Settings(1_000, 1_000_000, 10_000, Instant.parse("2026-06-01T00:00:00Z"),
                    Instant.parse("2026-12-01T00:00:00Z"), 5);
        }

        /** The defaults, with a benchmark's {@code tenants}, {@code events} and {@code big-tenant-events} options where given. */
        public static Settings from(Map<String, String> options) {
            Settings defaults = defaults();
            return new Settings(
                    Integer.parseInt(options.getOrDefault("tenants", String.valueOf(defaults.tenants()))),
                    Long.parseLong(options.getOrDefault("events", String.valueOf(defaults.events()))),
                    Long.parseLong(options.getOrDefault("big-tenant-events", String.valueOf(defaults.bigTenantEvents()))),
                    defaults.start(), defaults.end(), defaults.seed());
        }

        public Settings {
            if (tenants < 1 || bigTenantEvents < 2 || events - bigTenantEvents < 2L * tenants || !start.isBefore(end)) {
                throw new IllegalArgumentException("need at least 2 events per tenant and start < end: " + this);
            }
        }
    }

    private final Settings settings;

    public EventHistoryGenerator(Settings settings) {
        this.settings = settings;
    }

    /** Every event, in occurred_at order (a tenant's events in sequence order). Generated lazily: memory stays small. */
    public Stream<EventEnvelope> events() {
        PriorityQueue<GeneratedTenant> queue = new PriorityQueue<>((a, b) -> Long.compare(a.nextAtMillis(), b.nextAtMillis()));
        queue.add(bigTenant());
        long ordinary = settings.events() - settings.bigTenantEvents();
        long spanMillis = settings.end().toEpochMilli() - settings.start().toEpochMilli();
        for (int i = 0; i < settings.tenants(); i++) {
            long budget = ordinary / settings.tenants() + (i < ordinary % settings.tenants() ? 1 : 0);
            // Tenants join during the first 60 % of the span, so even the last has months of history.
            long createdAt = settings.start().toEpochMilli() + (long) (spanMillis * 0.6 * i / settings.tenants());
            queue.add(new GeneratedTenant(settings.seed() * 1_000_003 + i, "Tenant " + (i + 1), budget, createdAt,
                    settings.end().toEpochMilli(), i % 5 == 4));
        }
        Iterator<EventEnvelope> merged = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !queue.isEmpty();
            }

            @Override
            public EventEnvelope next() {
                GeneratedTenant tenant = queue.poll();
                if (tenant == null) {
                    throw new NoSuchElementException();
                }
                EventEnvelope event = tenant.next();
                if (tenant.hasNext()) {
                    queue.add(tenant);
                }
                return event;
            }
        };
        return StreamSupport.stream(Spliterators.spliterator(merged, settings.events(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The big tenant's id. */
    public String bigTenantId() {
        return bigTenant().tenantId();
    }

    /** The big tenant's events alone, the same as in {@link #events()}. */
    public Stream<EventEnvelope> bigTenantEvents() {
        GeneratedTenant tenant = bigTenant();
        List<EventEnvelope> events = new ArrayList<>((int) settings.bigTenantEvents());
        while (tenant.hasNext()) {
            events.add(tenant.next());
        }
        return events.stream();
    }

    /**
     * Sends every event as command-api's relay does (key = tenant id, value = {@link EventCodec} bytes), with the
     * record timestamp set to occurred_at; waits for the broker's acknowledgements.
     *
     * @return the number of events and of value bytes sent
     */
    public Written writeTo(Producer<String, byte[]> producer, String topic) {
        long[] counts = new long[2];
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        events().forEach(event -> {
            byte[] value = EventCodec.instance().encode(event);
            pending.add(producer.send(new ProducerRecord<>(topic, null, event.getOccurredAt().toEpochMilli(), event.getTenantId(), value)));
            counts[0]++;
            counts[1] += value.length;
            if (pending.size() >= 10_000) {
                awaitAll(pending);
            }
        });
        awaitAll(pending);
        return new Written(counts[0], counts[1]);
    }

    /**
     * What {@link #writeTo} sent.
     *
     * @param events     records sent
     * @param valueBytes the sum of their values' sizes
     */
    public record Written(long events, long valueBytes) {
    }

    private GeneratedTenant bigTenant() {
        return new GeneratedTenant(settings.seed() * 1_000_003 - 1, "Big Tenant", settings.bigTenantEvents(),
                settings.start().toEpochMilli(), settings.end().toEpochMilli(), true);
    }

    private static void awaitAll(List<Future<RecordMetadata>> pending) {
        try {
            for (Future<RecordMetadata> send : pending) {
                send.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the history", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused an event", e.getCause());
        }
        pending.clear();
    }
}
