package io.flexboard.history.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flexboard.history.fold.RowChange.ApiKeyInserted;
import io.flexboard.history.fold.RowChange.ApiKeyRevoked;
import io.flexboard.history.fold.RowChange.DashboardInserted;
import io.flexboard.history.fold.RowChange.DashboardWidgetCountSet;
import io.flexboard.history.fold.RowChange.HistoryEntryAppended;
import io.flexboard.history.fold.RowChange.PublishedVersionSet;
import io.flexboard.history.fold.RowChange.TenantDashboardCountIncremented;
import io.flexboard.history.fold.RowChange.TenantInserted;
import io.flexboard.history.fold.RowChange.TenantBrandingSet;
import io.flexboard.history.fold.RowChange.TenantStatusSet;
import io.flexboard.history.fold.RowChange.UserChanged;
import io.flexboard.history.fold.RowChange.UserDisabled;
import io.flexboard.history.fold.RowChange.UserInserted;
import io.flexboard.history.fold.RowChange.VersionInserted;
import io.flexboard.history.fold.RowChange.VersionMarkedArchived;
import io.flexboard.history.fold.RowChange.VersionMarkedPublished;
import io.flexboard.history.fold.RowChange.WidgetsReplaced;
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
import io.flexboard.schemas.event.UserChangedEvent;
import io.flexboard.schemas.event.UserCreatedEvent;
import io.flexboard.schemas.event.UserDisabledEvent;
import io.flexboard.schemas.event.VersionArchivedEvent;
import io.flexboard.schemas.event.VersionPublishedEvent;
import io.flexboard.schemas.event.WidgetsReplacedEvent;

/**
 * The one place that decides what the read models hold: turns one event into the row changes it
 * makes, in the order they must be applied (a row before the rows pointing to it). The projector
 * writes them to PostgreSQL, {@link InMemoryReadModel} to its tables; query-api folds a tenant's
 * history with it to show the tenant at any past moment.
 *
 * <p>Stateless, free of I/O: what it needs to know about earlier events it asks a
 * {@link ReadModelView} for, exactly the rows {@link #reads} names. Every timestamp is the
 * envelope's {@code occurred_at}, so folding the same events again gives the same rows.
 */
public final class ReadModelFold {

    private ReadModelFold() {
    }

    /** The rows {@link #fold} will look up for this event. */
    public static FoldReads reads(EventEnvelope event) {
        Object payload = event.getPayload();
        if (payload instanceof WidgetsReplacedEvent replaced) {
            return FoldReads.dashboard(UUID.fromString(replaced.getDashboardId()));
        }
        if (payload instanceof VersionPublishedEvent published) {
            return FoldReads.version(UUID.fromString(published.getVersionId()));
        }
        if (payload instanceof VersionArchivedEvent archived) {
            return FoldReads.version(UUID.fromString(archived.getVersionId()));
        }
        return FoldReads.NOTHING;
    }

    /**
     * The row changes of one event; the last one is always its audit-trail entry.
     *
     * @throws IllegalStateException when the event refers to a dashboard or version the read models
     *         never saw: events are missing, and folding on would build rows that never existed
     */
    public static List<RowChange> fold(EventEnvelope event, ReadModelView view) {
        Object payload = event.getPayload();
        EventType type = EventType.of(payload);
        // A switch expression over the enum: a new event type does not compile until it is folded.
        return switch (type) {
            case TENANT_CREATED -> tenantCreated(event, (TenantCreatedEvent) payload);
            case API_KEY_ISSUED -> apiKeyIssued(event, (ApiKeyIssuedEvent) payload);
            case DASHBOARD_CREATED -> dashboardCreated(event, (DashboardCreatedEvent) payload);
            case WIDGETS_REPLACED -> widgetsReplaced(event, (WidgetsReplacedEvent) payload, view);
            case DRAFT_SAVED -> draftSaved(event, (DraftSavedEvent) payload);
            case VERSION_PUBLISHED -> versionPublished(event, (VersionPublishedEvent) payload, view);
            case VERSION_ARCHIVED -> versionArchived(event, (VersionArchivedEvent) payload, view);
            case TENANT_PAUSED -> tenantPaused(event, (TenantPausedEvent) payload);
            case TENANT_ACTIVATED -> tenantActivated(event, (TenantActivatedEvent) payload);
            case TENANT_BRANDING_SET -> tenantBrandingSet(event, (TenantBrandingSetEvent) payload);
            case TENANT_BRANDING_CLEARED -> tenantBrandingCleared(event, (TenantBrandingClearedEvent) payload);
            case API_KEY_REVOKED -> apiKeyRevoked(event, (ApiKeyRevokedEvent) payload);
            case USER_CREATED -> userCreated(event, (UserCreatedEvent) payload);
            case USER_CHANGED -> userChanged(event, (UserChangedEvent) payload);
            case USER_DISABLED -> userDisabled(event, (UserDisabledEvent) payload);
        };
    }

    private static List<RowChange> tenantCreated(EventEnvelope event, TenantCreatedEvent created) {
        Instant at = event.getOccurredAt();
        return List.of(
                new TenantInserted(new TenantRow(uuid(created.getTenantId()), created.getName(), created.getSlug(),
                        created.getLicenseType(), created.getMaxDashboards(), created.getMaxWidgetsPerDashboard(),
                        true, null, 0, at, at, null)),
                history(event, EventType.TENANT_CREATED, null, null,
                        Summaries.tenantCreated(event.getActor(), created.getSlug(), created.getLicenseType())));
    }

    private static List<RowChange> apiKeyIssued(EventEnvelope event, ApiKeyIssuedEvent issued) {
        return List.of(
                new ApiKeyInserted(new ApiKeyRow(uuid(issued.getKeyId()), uuid(issued.getTenantId()), issued.getKeyHash(),
                        issued.getKeyPrefix(), event.getOccurredAt(),
                        issued.getName() == null ? ApiKeyRow.DEFAULT_NAME : issued.getName(), event.getActor(), null)),
                history(event, EventType.API_KEY_ISSUED, null, null,
                        Summaries.apiKeyIssued(event.getActor(), issued.getKeyPrefix(), issued.getName())));
    }

    private static List<RowChange> apiKeyRevoked(EventEnvelope event, ApiKeyRevokedEvent revoked) {
        return List.of(
                new ApiKeyRevoked(uuid(revoked.getKeyId()), event.getOccurredAt()),
                history(event, EventType.API_KEY_REVOKED, null, null,
                        Summaries.apiKeyRevoked(event.getActor(), revoked.getKeyId())));
    }

    private static List<RowChange> dashboardCreated(EventEnvelope event, DashboardCreatedEvent created) {
        UUID tenantId = uuid(created.getTenantId());
        UUID dashboardId = uuid(created.getDashboardId());
        Instant at = event.getOccurredAt();
        return List.of(
                new TenantDashboardCountIncremented(tenantId),
                new DashboardInserted(new DashboardRow(dashboardId, tenantId, created.getName(), created.getSlug(),
                        created.getDescription(), 0, at, at)),
                history(event, EventType.DASHBOARD_CREATED, dashboardId, null,
                        Summaries.dashboardCreated(event.getActor(), created.getSlug())));
    }

    private static List<RowChange> widgetsReplaced(EventEnvelope event, WidgetsReplacedEvent replaced, ReadModelView view) {
        UUID tenantId = uuid(replaced.getTenantId());
        UUID dashboardId = uuid(replaced.getDashboardId());
        DashboardRow dashboard = view.dashboard(dashboardId).orElseThrow(() -> missing("Dashboard", dashboardId, event));
        if (!dashboard.tenantId().equals(tenantId)) {
            // Never from the aggregate (a dashboard is its tenant's); folding it would put widgets on another tenant's dashboard.
            throw new IllegalStateException("Dashboard " + dashboardId + " belongs to tenant " + dashboard.tenantId()
                    + ", not to tenant " + tenantId + " (event " + event.getEventId() + ", sequence "
                    + event.getAggregateSequence() + ")");
        }
        List<Widget> widgets = replaced.getWidgets();
        List<WidgetRow> rows = new ArrayList<>(widgets.size());
        for (int i = 0; i < widgets.size(); i++) {
            Widget widget = widgets.get(i);
            rows.add(new WidgetRow(uuid(widget.getWidgetId()), tenantId, dashboardId, widget.getName(),
                    widget.getWidgetType(), JsonDocument.ofText(widget.getConfigJson()), widget.getPositionX(),
                    widget.getPositionY(), widget.getWidth(), widget.getHeight(), i));
        }
        return List.of(
                new WidgetsReplaced(tenantId, dashboardId, rows),
                new DashboardWidgetCountSet(dashboardId, rows.size(), event.getOccurredAt()),
                history(event, EventType.WIDGETS_REPLACED, dashboardId, null,
                        Summaries.widgetsReplaced(event.getActor(), dashboard.slug(), rows.size())));
    }

    private static List<RowChange> draftSaved(EventEnvelope event, DraftSavedEvent draft) {
        String restoredFrom = draft.getRestoredFromVersionId();
        // Only the snapshot is kept for the lazy metadata, not the whole event.
        PublishedConfiguration snapshot = draft.getMetadata();
        return List.of(
                new VersionInserted(new VersionRow(uuid(draft.getVersionId()), uuid(draft.getTenantId()), draft.getVersion(),
                        VersionRow.DRAFT, draft.getMessage(), draft.getCreatedBy(), event.getOccurredAt(), null,
                        JsonDocument.building(() -> MetadataJson.versionMetadata(snapshot)),
                        draft.getParentVersion(), restoredFrom == null ? null : uuid(restoredFrom),
                        draft.getRestoredFromVersion())),
                history(event, EventType.DRAFT_SAVED, null, draft.getVersion(),
                        Summaries.draftSaved(event.getActor(), draft.getVersion(), draft.getRestoredFromVersion())));
    }

    private static List<RowChange> versionPublished(EventEnvelope event, VersionPublishedEvent published, ReadModelView view) {
        UUID versionId = uuid(published.getVersionId());
        VersionRow version = knownVersion(view, versionId, event);
        JsonDocument metadata = version.metadata();
        return List.of(
                new VersionMarkedPublished(versionId, event.getOccurredAt()),
                new PublishedVersionSet(new PublishedVersionRow(uuid(published.getTenantId()), versionId,
                        published.getVersion(), event.getOccurredAt(),
                        JsonDocument.building(() -> MetadataJson.publishedConfiguration(version.version(), metadata.tree())))),
                history(event, EventType.VERSION_PUBLISHED, null, published.getVersion(),
                        Summaries.versionPublished(event.getActor(), published.getVersion())));
    }

    /**
     * Archiving leaves {@code published_versions} alone: the publish that follows replaces the row,
     * so agents never see a moment without a published configuration.
     */
    private static List<RowChange> versionArchived(EventEnvelope event, VersionArchivedEvent archived, ReadModelView view) {
        UUID versionId = uuid(archived.getVersionId());
        knownVersion(view, versionId, event);
        return List.of(
                new VersionMarkedArchived(versionId),
                history(event, EventType.VERSION_ARCHIVED, null, archived.getVersion(),
                        Summaries.versionArchived(event.getActor(), archived.getVersion())));
    }

    private static List<RowChange> tenantPaused(EventEnvelope event, TenantPausedEvent paused) {
        return List.of(
                new TenantStatusSet(uuid(paused.getTenantId()), false, paused.getReason(), event.getOccurredAt()),
                history(event, EventType.TENANT_PAUSED, null, null, Summaries.tenantPaused(event.getActor(), paused.getReason())));
    }

    private static List<RowChange> tenantActivated(EventEnvelope event, TenantActivatedEvent activated) {
        return List.of(
                new TenantStatusSet(uuid(activated.getTenantId()), true, null, event.getOccurredAt()),
                history(event, EventType.TENANT_ACTIVATED, null, null, Summaries.tenantActivated(event.getActor())));
    }

    private static List<RowChange> tenantBrandingSet(EventEnvelope event, TenantBrandingSetEvent set) {
        return List.of(
                new TenantBrandingSet(uuid(set.getTenantId()),
                        JsonDocument.building(() -> MetadataJson.branding(set.getBranding())), event.getOccurredAt()),
                history(event, EventType.TENANT_BRANDING_SET, null, null, Summaries.tenantBrandingSet(event.getActor())));
    }

    private static List<RowChange> tenantBrandingCleared(EventEnvelope event, TenantBrandingClearedEvent cleared) {
        return List.of(
                new TenantBrandingSet(uuid(cleared.getTenantId()), null, event.getOccurredAt()),
                history(event, EventType.TENANT_BRANDING_CLEARED, null, null,
                        Summaries.tenantBrandingCleared(event.getActor())));
    }

    /** A user's events are their own stream: the envelope's tenant_id is the user's id. */
    private static List<RowChange> userCreated(EventEnvelope event, UserCreatedEvent created) {
        Instant at = event.getOccurredAt();
        return List.of(
                new UserInserted(new UserRow(uuid(created.getUserId()), created.getEmail(), created.getName(), created.getRole(),
                        uuids(created.getTenantIds()), true, at, at)),
                history(event, EventType.USER_CREATED, null, null,
                        Summaries.userCreated(event.getActor(), created.getEmail(), created.getRole())));
    }

    private static List<RowChange> userChanged(EventEnvelope event, UserChangedEvent changed) {
        Instant at = event.getOccurredAt();
        return List.of(
                new UserChanged(new UserRow(uuid(changed.getUserId()), changed.getEmail(), changed.getName(), changed.getRole(),
                        uuids(changed.getTenantIds()), true, at, at)),
                history(event, EventType.USER_CHANGED, null, null,
                        Summaries.userChanged(event.getActor(), changed.getEmail(), changed.getRole(), changed.getPasswordChanged())));
    }

    private static List<RowChange> userDisabled(EventEnvelope event, UserDisabledEvent disabled) {
        return List.of(
                new UserDisabled(uuid(disabled.getUserId()), event.getOccurredAt()),
                history(event, EventType.USER_DISABLED, null, null, Summaries.userDisabled(event.getActor())));
    }

    private static List<UUID> uuids(List<String> ids) {
        return ids.stream().map(ReadModelFold::uuid).toList();
    }

    private static VersionRow knownVersion(ReadModelView view, UUID versionId, EventEnvelope event) {
        return view.version(versionId).orElseThrow(() -> missing("Version", versionId, event));
    }

    private static IllegalStateException missing(String what, UUID id, EventEnvelope event) {
        return new IllegalStateException(what + " " + id + " of tenant " + event.getTenantId()
                + " is not in the read model (event " + event.getEventId() + ", sequence " + event.getAggregateSequence() + ")");
    }

    private static HistoryEntryAppended history(EventEnvelope event, EventType type, UUID dashboardId, Integer version,
                                                String summary) {
        return new HistoryEntryAppended(new HistoryEntryRow(uuid(event.getTenantId()), event.getAggregateSequence(),
                event.getEventId(), event.getOccurredAt(), type.wireName(), event.getActor(), event.getCorrelationId(),
                dashboardId, version, summary, event));
    }

    private static UUID uuid(String id) {
        return UUID.fromString(id);
    }
}
