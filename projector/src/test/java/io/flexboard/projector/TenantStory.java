package io.flexboard.projector;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
 * Writes one tenant's event stream the way command-api would: sequences 0, 1, 2 … and a clock
 * that advances one minute per event. Keeps the builder state so drafts snapshot it.
 */
final class TenantStory {

    static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    final String tenantId = UUID.randomUUID().toString();
    final String slug;
    private final List<EventEnvelope> events = new ArrayList<>();
    private final List<DashboardSnapshot> dashboards = new ArrayList<>();
    private final List<Widget> widgets = new ArrayList<>();
    private final List<String> keyIds = new ArrayList<>();
    private final java.util.Map<Integer, String> versionIds = new java.util.HashMap<>();
    private final java.util.Map<Integer, PublishedConfiguration> snapshots = new java.util.HashMap<>();
    private long nextSequence;
    private Branding branding;

    private TenantStory(String slug) {
        this.slug = slug + "-" + tenantId.substring(0, 8);
    }

    /** A tenant that has just been created with the basic license. */
    static TenantStory newTenant(String name) {
        TenantStory story = new TenantStory(name.toLowerCase());
        story.append(TenantCreatedEvent.newBuilder()
                .setTenantId(story.tenantId).setName(name).setSlug(story.slug)
                .setLicenseType("basic").setMaxDashboards(5).setMaxWidgetsPerDashboard(20)
                .build());
        return story;
    }

    /** A tenant with a key, one dashboard with two widgets, and version 1 published. */
    static TenantStory tenantWithPublishedVersion(String name) {
        TenantStory story = newTenant(name);
        story.apiKeyIssued();
        String dashboard = story.dashboardCreated("Sales", "sales");
        story.widgetsReplaced(dashboard,
                widget(dashboard, "sales-by-month", "bar", 0, 0),
                widget(dashboard, "revenue-total", "kpi", 6, 0));
        String version1 = story.draftSaved(1);
        story.versionPublished(version1, 1);
        return story;
    }

    static Widget widget(String dashboardId, String name, String type, int x, int y) {
        return Widget.newBuilder()
                .setWidgetId(UUID.nameUUIDFromBytes((dashboardId + name).getBytes()).toString())
                .setDashboardId(dashboardId).setName(name).setWidgetType(type)
                .setConfigJson("{\"query\":\"SELECT month, total FROM sales_" + name.replace('-', '_')
                        + "\",\"type\":\"" + type + "\",\"refreshInterval\":60000}")
                .setPositionX(x).setPositionY(y).setWidth(6).setHeight(4)
                .build();
    }

    /** A key as tenant creation issued it before keys had names. */
    String apiKeyIssued() {
        return apiKeyIssued(null);
    }

    String apiKeyIssued(String name) {
        String keyId = UUID.randomUUID().toString();
        keyIds.add(keyId);
        append(ApiKeyIssuedEvent.newBuilder()
                .setTenantId(tenantId).setKeyId(keyId)
                .setKeyHash(keyHash(keyId)).setKeyPrefix(keyPrefix(keyId)).setName(name)
                .build());
        return keyId;
    }

    void apiKeyRevoked(String keyId) {
        append(ApiKeyRevokedEvent.newBuilder().setTenantId(tenantId).setKeyId(keyId).build());
    }

    String dashboardCreated(String name, String dashboardSlug) {
        String dashboardId = UUID.randomUUID().toString();
        append(DashboardCreatedEvent.newBuilder()
                .setTenantId(tenantId).setDashboardId(dashboardId).setName(name).setSlug(dashboardSlug)
                .setDescription(null)
                .build());
        dashboards.add(DashboardSnapshot.newBuilder()
                .setDashboardId(dashboardId).setName(name).setSlug(dashboardSlug).setDescription(null).build());
        return dashboardId;
    }

    void widgetsReplaced(String dashboardId, Widget... newWidgets) {
        widgets.removeIf(widget -> widget.getDashboardId().equals(dashboardId));
        widgets.addAll(List.of(newWidgets));
        append(WidgetsReplacedEvent.newBuilder()
                .setTenantId(tenantId).setDashboardId(dashboardId).setWidgets(List.of(newWidgets))
                .build());
    }

    /** A draft of the current dashboards and widgets, following the tenant's newest version as command-api does. */
    String draftSaved(int version) {
        PublishedConfiguration snapshot = PublishedConfiguration.newBuilder()
                .setDashboards(List.copyOf(dashboards)).setWidgets(List.copyOf(widgets)).setBranding(branding).build();
        return appendDraft(version, snapshot, "draft " + version, null);
    }

    /** A draft that restores an earlier version: that version's snapshot, unchanged. */
    String draftRestored(int version, int restoredVersion) {
        return appendDraft(version, snapshots.get(restoredVersion), "restore " + restoredVersion, restoredVersion);
    }

    private String appendDraft(int version, PublishedConfiguration snapshot, String message, Integer restoredVersion) {
        String versionId = UUID.randomUUID().toString();
        versionIds.put(version, versionId);
        snapshots.put(version, snapshot);
        append(DraftSavedEvent.newBuilder()
                .setTenantId(tenantId).setVersionId(versionId).setVersion(version)
                .setMessage(message).setCreatedBy("admin@vendor.example")
                .setMetadata(snapshot)
                .setParentVersion(version == 1 ? null : version - 1)
                .setRestoredFromVersionId(restoredVersion == null ? null : versionIds.get(restoredVersion))
                .setRestoredFromVersion(restoredVersion)
                .build());
        return versionId;
    }

    void versionPublished(String versionId, int version) {
        append(VersionPublishedEvent.newBuilder()
                .setTenantId(tenantId).setVersionId(versionId).setVersion(version).setPublishedBy("admin@vendor.example")
                .build());
    }

    void versionArchived(String versionId, int version) {
        append(VersionArchivedEvent.newBuilder()
                .setTenantId(tenantId).setVersionId(versionId).setVersion(version)
                .build());
    }

    void tenantPaused(String reason) {
        append(TenantPausedEvent.newBuilder().setTenantId(tenantId).setReason(reason).build());
    }

    void tenantActivated() {
        append(TenantActivatedEvent.newBuilder().setTenantId(tenantId).build());
    }

    /** Sets the branding the next drafts hold: the given primary colour, a PNG logo, a line of CSS. */
    void brandingSet(String primary) {
        branding = new Branding(new BrandingLogo("image/png", "iVBORw0KGgo="),
                new BrandingColors(primary, "#2d3748", "#38b2ac", "#f7fafc", "#1a202c"), "Inter", ".fb-title { font-weight: 700 }");
        append(TenantBrandingSetEvent.newBuilder().setTenantId(tenantId).setBranding(branding).build());
    }

    void brandingCleared() {
        branding = null;
        append(TenantBrandingClearedEvent.newBuilder().setTenantId(tenantId).build());
    }

    /** Leaves out the next sequence number, as if an event had been lost on the way. */
    void loseNextEvent() {
        nextSequence++;
    }

    String dashboardId(int index) {
        return dashboards.get(index).getDashboardId();
    }

    String versionId(int version) {
        return versionIds.get(version);
    }

    List<String> keyIds() {
        return List.copyOf(keyIds);
    }

    /** The key hash the fixture issues for a key id (the plain key never exists in these events). */
    static String keyHash(String keyId) {
        return keyId.replace("-", "") + keyId.replace("-", "");
    }

    static String keyPrefix(String keyId) {
        return "fbk_" + keyId.substring(0, 4);
    }

    List<EventEnvelope> events() {
        return List.copyOf(events);
    }

    EventEnvelope event(long sequence) {
        return events.stream().filter(event -> event.getAggregateSequence() == sequence).findFirst().orElseThrow();
    }

    long lastSequence() {
        return nextSequence - 1;
    }

    static Instant occurredAt(long sequence) {
        return START.plus(sequence, ChronoUnit.MINUTES);
    }

    private void append(Object payload) {
        long sequence = nextSequence++;
        events.add(EventEnvelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTenantId(tenantId)
                .setAggregateSequence(sequence)
                .setOccurredAt(occurredAt(sequence))
                .setActor("admin@vendor.example")
                .setCorrelationId(UUID.randomUUID().toString())
                .setPayload(payload)
                .build());
    }
}
