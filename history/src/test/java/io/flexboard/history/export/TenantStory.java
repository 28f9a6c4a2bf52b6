package io.flexboard.history.export;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flexboard.schemas.DashboardSnapshot;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.PublishedConfiguration;
import io.flexboard.schemas.Widget;
import io.flexboard.schemas.event.ApiKeyIssuedEvent;
import io.flexboard.schemas.event.DashboardCreatedEvent;
import io.flexboard.schemas.event.DraftSavedEvent;
import io.flexboard.schemas.event.TenantCreatedEvent;
import io.flexboard.schemas.event.VersionArchivedEvent;
import io.flexboard.schemas.event.VersionPublishedEvent;
import io.flexboard.schemas.event.WidgetsReplacedEvent;

/**
 * One tenant's event stream as command-api writes it: sequences 0, 1, 2 … without gaps, each event on the
 * shared {@link EventHistory} clock; keeps the builder's state so a draft snapshots it.
 */
final class TenantStory {

    final String tenantId = UUID.randomUUID().toString();
    private final EventHistory history;
    private final List<EventEnvelope> events = new ArrayList<>();
    private final List<DashboardSnapshot> dashboards = new ArrayList<>();
    private final List<Widget> widgets = new ArrayList<>();
    private int lastVersion;
    private String publishedVersionId;
    private int publishedVersion;
    private long nextSequence;

    private TenantStory(EventHistory history) {
        this.history = history;
    }

    static TenantStory create(String name, EventHistory history) {
        TenantStory story = new TenantStory(history);
        story.append(new TenantCreatedEvent(story.tenantId, name, name.toLowerCase() + "-" + story.tenantId.substring(0, 8),
                "basic", 5, 20));
        story.append(new ApiKeyIssuedEvent(story.tenantId, UUID.randomUUID().toString(), "ab".repeat(32), "fbk_ab12", null));
        return story;
    }

    /** A dashboard with two widgets, a draft of it, that draft published: five events. */
    TenantStory withPublishedDashboard(String name) {
        String dashboard = dashboardCreated(name);
        widgetsReplaced(dashboard, widget(dashboard, name + "-by-month", "bar"), widget(dashboard, name + "-total", "kpi"));
        publish(draftSaved());
        return this;
    }

    String dashboardCreated(String name) {
        String dashboardId = UUID.randomUUID().toString();
        String slug = name.toLowerCase().replace(' ', '-');
        append(new DashboardCreatedEvent(tenantId, dashboardId, name, slug, "the " + name + " dashboard, \"live\""));
        dashboards.add(new DashboardSnapshot(dashboardId, name, slug, null));
        return dashboardId;
    }

    void widgetsReplaced(String dashboardId, Widget... replacement) {
        widgets.removeIf(w -> w.getDashboardId().equals(dashboardId));
        widgets.addAll(List.of(replacement));
        append(new WidgetsReplacedEvent(tenantId, dashboardId, List.of(replacement)));
    }

    String draftSaved() {
        String versionId = UUID.randomUUID().toString();
        Integer parent = lastVersion == 0 ? null : lastVersion;
        lastVersion++;
        append(new DraftSavedEvent(tenantId, versionId, lastVersion, "draft, with a comma", "alice@vendor.example",
                new PublishedConfiguration(List.copyOf(dashboards), List.copyOf(widgets), null), parent, null, null));
        return versionId;
    }

    /** Publishes the newest draft, archiving the version published before it (first, as the aggregate does). */
    void publish(String versionId) {
        if (publishedVersionId != null) {
            append(new VersionArchivedEvent(tenantId, publishedVersionId, publishedVersion));
        }
        append(new VersionPublishedEvent(tenantId, versionId, lastVersion, "alice@vendor.example"));
        publishedVersionId = versionId;
        publishedVersion = lastVersion;
    }

    static Widget widget(String dashboardId, String name, String type) {
        String config = "{\"query\":\"SELECT month, SUM(total) AS total FROM sales GROUP BY month\",\"type\":\"" + type
                + "\",\"title\":\"" + name + "\",\"refreshInterval\":60000,\"chartConfig\":{\"xAxisKey\":\"month\",\"colors\":[\"#1f77b4\"]}}";
        return new Widget(UUID.randomUUID().toString(), dashboardId, name, type, config, 0, 0, 6, 4);
    }

    List<EventEnvelope> events() {
        return List.copyOf(events);
    }

    private void append(Object payload) {
        EventEnvelope event = EventEnvelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTenantId(tenantId)
                .setAggregateSequence(nextSequence++)
                .setOccurredAt(history.tick())
                .setActor("alice@vendor.example")
                .setCorrelationId(UUID.randomUUID().toString())
                .setPayload(payload)
                .build();
        events.add(event);
        history.record(event);
    }
}
