package io.flexboard.fold;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import io.flexboard.schemas.Branding;
import io.flexboard.schemas.BrandingColors;
import io.flexboard.schemas.BrandingLogo;
import io.flexboard.schemas.DashboardSnapshot;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.PublishedConfiguration;
import io.flexboard.schemas.Widget;
import io.flexboard.schemas.event.ApiKeyIssuedEvent;
import io.flexboard.schemas.event.ApiKeyRevokedEvent;
import io.flexboard.schemas.event.DashboardCreatedEvent;
import io.flexboard.schemas.event.DraftSavedEvent;
import io.flexboard.schemas.event.TenantActivatedEvent;
import io.flexboard.schemas.event.TenantBrandingClearedEvent;
import io.flexboard.schemas.event.TenantBrandingSetEvent;
import io.flexboard.schemas.event.TenantCreatedEvent;
import io.flexboard.schemas.event.TenantPausedEvent;
import io.flexboard.schemas.event.VersionArchivedEvent;
import io.flexboard.schemas.event.VersionPublishedEvent;
import io.flexboard.schemas.event.WidgetsReplacedEvent;

/**
 * One tenant's event stream written the way command-api's aggregate writes it: sequences 0, 1, 2 … without gaps,
 * drafts that snapshot the builder's current dashboards, widgets and branding, publishing that archives the
 * published version first. Its own clock advances one minute per event; an {@link EventHistory} puts several
 * stories on one clock instead. Ids are strings, as the events carry them. The one story fixture of the fold's,
 * the export's, the projector's and query-api's tests, shared through this module's test jar.
 */
public final class TenantStory {

    /** When a story on its own clock starts unless it is given a start. */
    public static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    public final String tenantId = UUID.randomUUID().toString();
    public final String slug;
    /** When the event with sequence 0 happened; null on a shared clock, where every event has its own time. */
    private final Instant start;
    private final LongFunction<Instant> clock;
    private final Consumer<EventEnvelope> written;
    private final List<EventEnvelope> events = new ArrayList<>();
    private final Map<String, DashboardSnapshot> dashboards = new LinkedHashMap<>();
    private final Map<String, List<Widget>> widgets = new LinkedHashMap<>();
    private final List<String> keyIds = new ArrayList<>();
    private final Map<Integer, String> versionIds = new HashMap<>();
    private final Map<Integer, PublishedConfiguration> snapshots = new HashMap<>();
    private Branding branding;
    private String actor = "alice";
    private Integer publishedVersion;
    private int lastVersion;
    private long nextSequence;

    private TenantStory(String name, String slug, Instant start, LongFunction<Instant> clock, Consumer<EventEnvelope> written) {
        this.slug = slug != null ? slug : name.toLowerCase().replace(' ', '-') + "-" + tenantId.substring(0, 8);
        this.start = start;
        this.clock = clock;
        this.written = written;
        append(TenantCreatedEvent.newBuilder()
                .setTenantId(tenantId).setName(name).setSlug(this.slug)
                .setLicenseType("basic").setMaxDashboards(5).setMaxWidgetsPerDashboard(20)
                .build());
    }

    /** A tenant created by alice at {@link #START} with the basic license; its slug is unique to this story. */
    public static TenantStory newTenant(String name) {
        return newTenant(name, null, START);
    }

    /** A tenant created by alice at {@code start} with the basic license (5 dashboards, 20 widgets each). */
    public static TenantStory newTenant(String name, String slug, Instant start) {
        return new TenantStory(name, slug, start, sequence -> start.plus(Duration.ofMinutes(sequence)), event -> { });
    }

    /** A tenant on a clock other stories share: each event takes the clock's next time and is handed to it. */
    static TenantStory onSharedClock(String name, LongFunction<Instant> clock, Consumer<EventEnvelope> written) {
        return new TenantStory(name, null, null, clock, written);
    }

    /** A tenant with a key, the dashboard Sales with two widgets, and version 1 published: six events. */
    public static TenantStory tenantWithPublishedVersion(String name) {
        TenantStory story = newTenant(name);
        story.apiKeyIssued();
        return story.withPublishedDashboard("Sales");
    }

    /** The actor of the events that follow. */
    public TenantStory by(String nextActor) {
        this.actor = nextActor;
        return this;
    }

    /** A dashboard, its two widgets ({@code <slug>-by-month}, {@code <slug>-total}), a draft of it, that draft published. */
    public TenantStory withPublishedDashboard(String name) {
        String dashboardSlug = name.toLowerCase().replace(' ', '-');
        String dashboardId = dashboardCreated(name, dashboardSlug);
        widgetsReplaced(dashboardId,
                widget(dashboardId, dashboardSlug + "-by-month", "bar", 0, 0),
                widget(dashboardId, dashboardSlug + "-total", "kpi", 6, 0));
        versionPublished(draftSaved());
        return this;
    }

    /** A key as tenant creation issued it before keys had names (its event has no name). */
    public String apiKeyIssued() {
        return apiKeyIssued(null);
    }

    /** A named key, as {@code POST /api/tenants/:id/api-keys} issues it. */
    public String apiKeyIssued(String name) {
        String keyId = UUID.randomUUID().toString();
        keyIds.add(keyId);
        append(ApiKeyIssuedEvent.newBuilder()
                .setTenantId(tenantId).setKeyId(keyId).setKeyHash(keyHash(keyId)).setKeyPrefix(keyPrefix(keyId)).setName(name)
                .build());
        return keyId;
    }

    public void apiKeyRevoked(String keyId) {
        append(ApiKeyRevokedEvent.newBuilder().setTenantId(tenantId).setKeyId(keyId).build());
    }

    /** The key hash the story issues for a key id (the plain key never exists in these events). */
    public static String keyHash(String keyId) {
        String compact = keyId.replace("-", "");
        return compact + compact;
    }

    public static String keyPrefix(String keyId) {
        return "fbk_" + keyId.substring(0, 4);
    }

    /** A dashboard described as "About {@code name}". */
    public String dashboardCreated(String name, String dashboardSlug) {
        String dashboardId = UUID.randomUUID().toString();
        DashboardSnapshot dashboard = DashboardSnapshot.newBuilder()
                .setDashboardId(dashboardId).setName(name).setSlug(dashboardSlug).setDescription("About " + name).build();
        append(DashboardCreatedEvent.newBuilder()
                .setTenantId(tenantId).setDashboardId(dashboardId).setName(name).setSlug(dashboardSlug)
                .setDescription(dashboard.getDescription())
                .build());
        dashboards.put(dashboardId, dashboard);
        return dashboardId;
    }

    /** A widget whose id stays the same for the same dashboard and name, as when the builder sends it back. */
    public static Widget widget(String dashboardId, String name, String type, int x, int y, String configJson) {
        return Widget.newBuilder()
                .setWidgetId(UUID.nameUUIDFromBytes((dashboardId + "/" + name).getBytes()).toString())
                .setDashboardId(dashboardId).setName(name).setWidgetType(type)
                .setConfigJson(configJson)
                .setPositionX(x).setPositionY(y).setWidth(6).setHeight(4)
                .build();
    }

    /** A widget whose config queries a table named after it. */
    public static Widget widget(String dashboardId, String name, String type, int x, int y) {
        return widget(dashboardId, name, type, x, y,
                "{\"query\":\"SELECT month, total FROM " + name.replace('-', '_') + "\",\"type\":\"" + type
                        + "\",\"refreshInterval\":60000}");
    }

    public void widgetsReplaced(String dashboardId, Widget... newWidgets) {
        widgets.put(dashboardId, List.of(newWidgets));
        append(WidgetsReplacedEvent.newBuilder()
                .setTenantId(tenantId).setDashboardId(dashboardId).setWidgets(List.of(newWidgets))
                .build());
    }

    /** A draft of the current dashboards, widgets and branding with the message "draft N"; answers its version N. */
    public int draftSaved() {
        return draftSaved("draft " + (lastVersion + 1));
    }

    /** A draft of the current dashboards, widgets and branding; answers its version number. */
    public int draftSaved(String message) {
        List<Widget> all = new ArrayList<>();
        dashboards.keySet().forEach(id -> all.addAll(widgets.getOrDefault(id, List.of())));
        PublishedConfiguration snapshot = PublishedConfiguration.newBuilder()
                .setDashboards(List.copyOf(dashboards.values())).setWidgets(all).setBranding(branding).build();
        return appendDraft(snapshot, message, null);
    }

    /** A draft that restores an earlier version: that version's snapshot, unchanged. */
    public int draftRestored(int restoredVersion) {
        return appendDraft(snapshots.get(restoredVersion), "restore " + restoredVersion, restoredVersion);
    }

    /** Publishes the version, archiving the published one first as the aggregate does. */
    public void versionPublished(int version) {
        if (publishedVersion != null) {
            append(VersionArchivedEvent.newBuilder()
                    .setTenantId(tenantId).setVersionId(versionIds.get(publishedVersion)).setVersion(publishedVersion)
                    .build());
        }
        append(VersionPublishedEvent.newBuilder()
                .setTenantId(tenantId).setVersionId(versionIds.get(version)).setVersion(version).setPublishedBy(actor)
                .build());
        publishedVersion = version;
    }

    public void tenantPaused(String reason) {
        append(TenantPausedEvent.newBuilder().setTenantId(tenantId).setReason(reason).build());
    }

    public void tenantActivated() {
        append(TenantActivatedEvent.newBuilder().setTenantId(tenantId).build());
    }

    /** Sets {@link #branding} in this primary colour, which the next drafts hold. */
    public void brandingSet(String primary) {
        branding = branding(primary);
        append(TenantBrandingSetEvent.newBuilder().setTenantId(tenantId).setBranding(branding).build());
    }

    public void brandingCleared() {
        branding = null;
        append(TenantBrandingClearedEvent.newBuilder().setTenantId(tenantId).build());
    }

    /** A branding in the brand's own primary colour, a PNG logo of four bytes, the Inter font and a line of CSS. */
    public static Branding branding(String primary) {
        return new Branding(new BrandingLogo("image/png", "iVBORw0KGgo="),
                new BrandingColors(primary, "#2d3748", "#38b2ac", "#f7fafc", "#1a202c"), "Inter", ".fb-title { font-weight: 700; }");
    }

    /** Leaves out the next sequence number, as if an event had been lost on the way. */
    public void loseNextEvent() {
        nextSequence++;
    }

    public List<EventEnvelope> events() {
        return List.copyOf(events);
    }

    public EventEnvelope event(long sequence) {
        return events.stream().filter(event -> event.getAggregateSequence() == sequence).findFirst().orElseThrow();
    }

    public long lastSequence() {
        return nextSequence - 1;
    }

    /** When the event with this sequence happens (on a shared clock: happened). */
    public Instant occurredAt(long sequence) {
        return start == null ? event(sequence).getOccurredAt() : clock.apply(sequence);
    }

    /** An id of the story as the read models' rows hold it. */
    public static UUID uuid(String id) {
        return UUID.fromString(id);
    }

    /** The id of the dashboard created {@code index}-th (0 for the first). */
    public String dashboardId(int index) {
        return List.copyOf(dashboards.keySet()).get(index);
    }

    public String versionId(int version) {
        return versionIds.get(version);
    }

    /** The ids of the keys issued, in order. */
    public List<String> keyIds() {
        return List.copyOf(keyIds);
    }

    private int appendDraft(PublishedConfiguration snapshot, String message, Integer restoredVersion) {
        int version = ++lastVersion;
        String versionId = UUID.randomUUID().toString();
        versionIds.put(version, versionId);
        snapshots.put(version, snapshot);
        append(DraftSavedEvent.newBuilder()
                .setTenantId(tenantId).setVersionId(versionId).setVersion(version)
                .setMessage(message).setCreatedBy(actor).setMetadata(snapshot)
                .setParentVersion(version == 1 ? null : version - 1)
                .setRestoredFromVersionId(restoredVersion == null ? null : versionIds.get(restoredVersion))
                .setRestoredFromVersion(restoredVersion)
                .build());
        return version;
    }

    private void append(Object payload) {
        long sequence = nextSequence++;
        EventEnvelope event = EventEnvelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTenantId(tenantId)
                .setAggregateSequence(sequence)
                .setOccurredAt(clock.apply(sequence))
                .setActor(actor)
                .setCorrelationId(UUID.randomUUID().toString())
                .setPayload(payload)
                .build();
        events.add(event);
        written.accept(event);
    }
}
