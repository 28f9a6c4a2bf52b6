package io.flexboard.history.fold;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * One tenant's event stream written the way command-api's aggregate writes it: sequences 0, 1, 2 …,
 * a clock that advances one minute per event, drafts that snapshot the builder's current state,
 * publishing that archives the published version first. Shared with the projector's and
 * query-api's tests through this module's test jar.
 */
public final class TenantEvents {

    public final UUID tenantId;
    public final String slug;
    private final Instant start;
    private final List<EventEnvelope> events = new ArrayList<>();
    private final Map<String, DashboardSnapshot> dashboards = new LinkedHashMap<>();
    private final Map<String, List<Widget>> widgets = new LinkedHashMap<>();
    private final Map<Integer, String> versionIds = new HashMap<>();
    private final Map<Integer, PublishedConfiguration> snapshots = new HashMap<>();
    private Branding branding;
    private String actor = "alice";
    private Integer publishedVersion;
    private int lastVersion;

    private TenantEvents(UUID tenantId, String slug, Instant start) {
        this.tenantId = tenantId;
        this.slug = slug;
        this.start = start;
    }

    /** A tenant created by alice at {@code start} with the basic license (5 dashboards, 20 widgets each). */
    public static TenantEvents tenantCreated(String name, String slug, Instant start) {
        TenantEvents tenant = new TenantEvents(UUID.randomUUID(), slug, start);
        tenant.append(TenantCreatedEvent.newBuilder()
                .setTenantId(tenant.tenantId.toString()).setName(name).setSlug(slug)
                .setLicenseType("basic").setMaxDashboards(5).setMaxWidgetsPerDashboard(20)
                .build());
        return tenant;
    }

    /** The actor of the events that follow. */
    public TenantEvents by(String nextActor) {
        this.actor = nextActor;
        return this;
    }

    /** A key as tenant creation issued it before keys had names (its event has no name). */
    public UUID apiKeyIssued() {
        return apiKeyIssued(null);
    }

    /** A named key, as {@code POST /api/tenants/:id/api-keys} issues it. */
    public UUID apiKeyIssued(String name) {
        UUID keyId = UUID.randomUUID();
        String compact = keyId.toString().replace("-", "");
        append(ApiKeyIssuedEvent.newBuilder()
                .setTenantId(tenantId.toString()).setKeyId(keyId.toString())
                .setKeyHash(compact + compact).setKeyPrefix("fbk_" + compact.substring(0, 4)).setName(name)
                .build());
        return keyId;
    }

    public void apiKeyRevoked(UUID keyId) {
        append(ApiKeyRevokedEvent.newBuilder().setTenantId(tenantId.toString()).setKeyId(keyId.toString()).build());
    }

    public UUID dashboardCreated(String name, String dashboardSlug) {
        UUID dashboardId = UUID.randomUUID();
        append(DashboardCreatedEvent.newBuilder()
                .setTenantId(tenantId.toString()).setDashboardId(dashboardId.toString())
                .setName(name).setSlug(dashboardSlug).setDescription("About " + name)
                .build());
        dashboards.put(dashboardId.toString(), DashboardSnapshot.newBuilder()
                .setDashboardId(dashboardId.toString()).setName(name).setSlug(dashboardSlug)
                .setDescription("About " + name).build());
        return dashboardId;
    }

    /** A widget whose id stays the same for the same dashboard and name, as when the builder sends it back. */
    public static Widget widget(UUID dashboardId, String name, String type, int x, int y, String configJson) {
        return Widget.newBuilder()
                .setWidgetId(UUID.nameUUIDFromBytes((dashboardId + "/" + name).getBytes()).toString())
                .setDashboardId(dashboardId.toString()).setName(name).setWidgetType(type)
                .setConfigJson(configJson)
                .setPositionX(x).setPositionY(y).setWidth(6).setHeight(4)
                .build();
    }

    /** A widget whose config queries a table named after it. */
    public static Widget widget(UUID dashboardId, String name, String type, int x, int y) {
        return widget(dashboardId, name, type, x, y,
                "{\"query\":\"SELECT month, total FROM " + name.replace('-', '_') + "\",\"type\":\"" + type
                        + "\",\"refreshInterval\":60000}");
    }

    public void widgetsReplaced(UUID dashboardId, Widget... newWidgets) {
        widgets.put(dashboardId.toString(), List.of(newWidgets));
        append(WidgetsReplacedEvent.newBuilder()
                .setTenantId(tenantId.toString()).setDashboardId(dashboardId.toString()).setWidgets(List.of(newWidgets))
                .build());
    }

    /** A draft of the current dashboards and widgets; answers its version number. */
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
                    .setTenantId(tenantId.toString()).setVersionId(versionIds.get(publishedVersion)).setVersion(publishedVersion)
                    .build());
        }
        append(VersionPublishedEvent.newBuilder()
                .setTenantId(tenantId.toString()).setVersionId(versionIds.get(version)).setVersion(version)
                .setPublishedBy(actor)
                .build());
        publishedVersion = version;
    }

    public void paused(String reason) {
        append(TenantPausedEvent.newBuilder().setTenantId(tenantId.toString()).setReason(reason).build());
    }

    public void activated() {
        append(TenantActivatedEvent.newBuilder().setTenantId(tenantId.toString()).build());
    }

    /** Sets the branding the next drafts hold. */
    public void brandingSet(Branding newBranding) {
        branding = newBranding;
        append(TenantBrandingSetEvent.newBuilder().setTenantId(tenantId.toString()).setBranding(newBranding).build());
    }

    public void brandingCleared() {
        branding = null;
        append(TenantBrandingClearedEvent.newBuilder().setTenantId(tenantId.toString()).build());
    }

    /** A branding in the brand's own colours, a PNG logo of four bytes and a little CSS. */
    public static Branding branding(String primary) {
        return new Branding(new BrandingLogo("image/png", "iVBORw0KGgo="),
                new BrandingColors(primary, "#2d3748", "#38b2ac", "#f7fafc", "#1a202c"), "Inter", ".fb-title { font-weight: 700; }");
    }

    public List<EventEnvelope> events() {
        return List.copyOf(events);
    }

    public UUID versionId(int version) {
        return UUID.fromString(versionIds.get(version));
    }

    public long lastSequence() {
        return events.size() - 1L;
    }

    /** When the event with this sequence happened. */
    public Instant occurredAt(long sequence) {
        return start.plus(Duration.ofMinutes(sequence));
    }

    private int appendDraft(PublishedConfiguration snapshot, String message, Integer restoredVersion) {
        int version = ++lastVersion;
        String versionId = UUID.randomUUID().toString();
        versionIds.put(version, versionId);
        snapshots.put(version, snapshot);
        append(DraftSavedEvent.newBuilder()
                .setTenantId(tenantId.toString()).setVersionId(versionId).setVersion(version)
                .setMessage(message).setCreatedBy(actor).setMetadata(snapshot)
                .setParentVersion(version == 1 ? null : version - 1)
                .setRestoredFromVersionId(restoredVersion == null ? null : versionIds.get(restoredVersion))
                .setRestoredFromVersion(restoredVersion)
                .build());
        return version;
    }

    private void append(Object payload) {
        long sequence = events.size();
        events.add(EventEnvelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTenantId(tenantId.toString())
                .setAggregateSequence(sequence)
                .setOccurredAt(occurredAt(sequence))
                .setActor(actor)
                .setCorrelationId(UUID.randomUUID().toString())
                .setPayload(payload)
                .build());
    }
}
