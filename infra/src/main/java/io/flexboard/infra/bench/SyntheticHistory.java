package io.flexboard.infra.bench;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import io.flexboard.schemas.DashboardSnapshot;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.MetadataSnapshot;
import io.flexboard.schemas.Widget;
import io.flexboard.schemas.event.ApiKeyIssuedEvent;
import io.flexboard.schemas.event.DashboardCreatedEvent;
import io.flexboard.schemas.event.DraftSavedEvent;
import io.flexboard.schemas.event.TenantActivatedEvent;
import io.flexboard.schemas.event.TenantCreatedEvent;
import io.flexboard.schemas.event.TenantPausedEvent;
import io.flexboard.schemas.event.VersionArchivedEvent;
import io.flexboard.schemas.event.VersionPublishedEvent;
import io.flexboard.schemas.event.WidgetsReplacedEvent;

/**
 * Valid event histories for benchmarks, the way command-api's aggregate would write them: per
 * tenant sequences 0, 1, 2 … with no gaps, three dashboards, widgets replaced again and again,
 * drafts of the whole tenant (every dashboard and widget), publishes that archive the previous
 * version, pauses and activations, more API keys. Tenants take turns, so their events interleave
 * on the partitions as in a busy control plane. Deterministic for a seed.
 */
final class SyntheticHistory {

    private static final String[] TYPES = {"bar", "line", "pie", "kpi", "table"};
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final List<Tenant> tenants = new ArrayList<>();
    private final SplittableRandom random;
    private long written;

    SyntheticHistory(int tenants, long seed) {
        this.random = new SplittableRandom(seed);
        for (int i = 0; i < tenants; i++) {
            this.tenants.add(new Tenant(uuid(), i));
        }
    }

    /** The next event of the next tenant in turn. */
    EventEnvelope next() {
        Tenant tenant = tenants.get((int) (written % tenants.size()));
        Object payload = tenant.next();
        long sequence = tenant.sequence++;
        return EventEnvelope.newBuilder()
                .setEventId(uuid())
                .setTenantId(tenant.id)
                .setAggregateSequence(sequence)
                .setOccurredAt(START.plusMillis(written++ * 37))
                .setActor("admin@vendor.example")
                .setCorrelationId(uuid())
                .setPayload(payload)
                .build();
    }

    private String uuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & ~(3L << 62)) | (1L << 63)).toString();
    }

    /** One tenant's builder state: what the next command may do to it. */
    private final class Tenant {
        final String id;
        final int index;
        long sequence;
        final List<DashboardSnapshot> dashboards = new ArrayList<>();
        final List<List<Widget>> widgets = new ArrayList<>();
        final List<String> versionIds = new ArrayList<>();
        final Deque<Object> pending = new ArrayDeque<>();
        int published;
        int draft;
        boolean paused;

        Tenant(String id, int index) {
            this.id = id;
            this.index = index;
        }

        Object next() {
            if (!pending.isEmpty()) {
                return pending.poll();
            }
            if (sequence == 0) {
                return TenantCreatedEvent.newBuilder().setTenantId(id).setName("Tenant " + index).setSlug("tenant-" + index)
                        .setLicenseType("basic").setMaxDashboards(5).setMaxWidgetsPerDashboard(20).build();
            }
            if (sequence == 1) {
                return apiKey();
            }
            if (dashboards.size() < 3) {
                return dashboard();
            }
            int roll = random.nextInt(100);
            if (roll < 55) {
                return widgetsReplaced();
            }
            if (roll < 70) {
                return draftSaved();
            }
            if (roll < 85 && draft > published) {
                return publish();
            }
            if (roll < 90) {
                paused = !paused;
                return paused ? TenantPausedEvent.newBuilder().setTenantId(id).setReason("invoice overdue").build()
                        : TenantActivatedEvent.newBuilder().setTenantId(id).build();
            }
            if (roll < 92) {
                return apiKey();
            }
            return widgetsReplaced();
        }

        private Object apiKey() {
            String keyId = uuid();
            return ApiKeyIssuedEvent.newBuilder().setTenantId(id).setKeyId(keyId)
                    .setKeyHash(keyId.replace("-", "") + keyId.replace("-", "")).setKeyPrefix("fbk_" + keyId.substring(0, 4)).build();
        }

        private Object dashboard() {
            String dashboardId = uuid();
            int number = dashboards.size();
            dashboards.add(DashboardSnapshot.newBuilder().setDashboardId(dashboardId).setName("Board " + number)
                    .setSlug("board-" + number).setDescription(number == 0 ? "The first board" : null).build());
            widgets.add(List.of());
            return DashboardCreatedEvent.newBuilder().setTenantId(id).setDashboardId(dashboardId).setName("Board " + number)
                    .setSlug("board-" + number).setDescription(number == 0 ? "The first board" : null).build();
        }

        private Object widgetsReplaced() {
            int board = random.nextInt(dashboards.size());
            String dashboardId = dashboards.get(board).getDashboardId();
            List<Widget> replaced = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                String type = TYPES[random.nextInt(TYPES.length)];
                String name = "b" + board + "-w" + i;
                replaced.add(Widget.newBuilder()
                        .setWidgetId(UUID.nameUUIDFromBytes((dashboardId + name).getBytes()).toString())
                        .setDashboardId(dashboardId).setName(name).setWidgetType(type)
                        .setConfigJson("{\"query\":\"SELECT month, SUM(total) FROM sales_" + random.nextInt(1000)
                                + " GROUP BY month\",\"type\":\"" + type + "\",\"refreshInterval\":" + (60000 * (1 + random.nextInt(10))) + "}")
                        .setPositionX((i % 2) * 6).setPositionY((i / 2) * 4).setWidth(6).setHeight(4)
                        .build());
            }
            widgets.set(board, replaced);
            return WidgetsReplacedEvent.newBuilder().setTenantId(id).setDashboardId(dashboardId).setWidgets(replaced).build();
        }

        private Object draftSaved() {
            draft = versionIds.size() + 1;
            String versionId = uuid();
            versionIds.add(versionId);
            List<Widget> all = new ArrayList<>();
            widgets.forEach(all::addAll);
            return DraftSavedEvent.newBuilder().setTenantId(id).setVersionId(versionId).setVersion(draft)
                    .setMessage("draft " + draft).setCreatedBy("admin@vendor.example")
                    .setMetadata(MetadataSnapshot.newBuilder().setDashboards(List.copyOf(dashboards)).setWidgets(all).build())
                    .setParentVersion(draft == 1 ? null : draft - 1)
                    .build();
        }

        /** Publishing a draft archives the published version first, as the aggregate does. */
        private Object publish() {
            Object publish = VersionPublishedEvent.newBuilder().setTenantId(id).setVersionId(versionIds.get(draft - 1))
                    .setVersion(draft).setPublishedBy("admin@vendor.example").build();
            int previous = published;
            published = draft;
            if (previous == 0) {
                return publish;
            }
            pending.add(publish);
            return VersionArchivedEvent.newBuilder().setTenantId(id).setVersionId(versionIds.get(previous - 1))
                    .setVersion(previous).build();
        }
    }
}
