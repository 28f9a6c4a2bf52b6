package io.flexboard.commandapi.tenant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flexboard.commandapi.api.ActivateTenantCommand;
import io.flexboard.commandapi.api.ClearTenantBrandingCommand;
import io.flexboard.commandapi.api.CreateDashboardCommand;
import io.flexboard.commandapi.api.CreateTenantCommand;
import io.flexboard.commandapi.api.IssueApiKeyCommand;
import io.flexboard.commandapi.api.PauseTenantCommand;
import io.flexboard.commandapi.api.PublishVersionCommand;
import io.flexboard.commandapi.api.ReplaceWidgetsCommand;
import io.flexboard.commandapi.api.RestoreVersionCommand;
import io.flexboard.commandapi.api.RestoredDraft;
import io.flexboard.commandapi.api.RevokeApiKeyCommand;
import io.flexboard.commandapi.api.RuleViolationException;
import io.flexboard.commandapi.api.SaveDraftCommand;
import io.flexboard.commandapi.api.SetTenantBrandingCommand;
import io.flexboard.commandapi.api.TenantStatus;
import io.flexboard.commandapi.api.Unchanged;
import io.flexboard.commandapi.api.UnknownEntityException;
import io.flexboard.schemas.Branding;
import io.flexboard.schemas.DashboardSnapshot;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A tenant with its dashboards, widgets and versions: one consistency boundary, so every rule of
 * the spec (slugs and widget names unique within the tenant, license limits, gapless version
 * numbers, one published version) is checked against one state, and a draft is an exact snapshot.
 *
 * <p>A paused tenant still takes every command here: admins keep editing, saving and publishing
 * while its agents are refused syncs (agent-bridge reads the pause from the read model).
 */
@Aggregate(cache = "tenantCache")
class TenantAggregate {

    private static final String SYSTEM_ACTOR = "system";

    @AggregateIdentifier
    private String tenantId;
    private int maxDashboards;
    private int maxWidgetsPerDashboard;
    private final Map<String, DashboardSnapshot> dashboards = new LinkedHashMap<>();
    private final Map<String, List<Widget>> widgetsByDashboard = new HashMap<>();
    /** Every widget id this tenant's events ever carried: the only ids a client may send back. */
    private final Set<String> issuedWidgetIds = new HashSet<>();
    private final Map<String, VersionState> versions = new HashMap<>();
    private int lastVersionNumber;
    private String publishedVersionId;
    private boolean paused;
    private String pausedReason;
    /** The working copy's branding (null: none); drafts snapshot it like the dashboards. */
    private Branding branding;
    /** Every key the tenant was issued, by key id: its name and whether it is revoked. */
    private final Map<String, ApiKeyState> apiKeys = new LinkedHashMap<>();

    TenantAggregate() {
        // for Axon: state is rebuilt from the events
    }

    @CommandHandler
    TenantAggregate(CreateTenantCommand command, TenantSlugs slugs) {
        TenantRules.Defaults license = TenantRules.checkNewTenant(command);
        if (!slugs.claim(command.slug(), command.tenantId())) {
            throw new RuleViolationException("slug", "slug '" + command.slug() + "' is already used by another tenant");
        }
        apply(new TenantCreatedEvent(command.tenantId(), command.name().strip(), command.slug(),
                license.licenseType(), license.maxDashboards(), license.maxWidgetsPerDashboard()));
        apply(new ApiKeyIssuedEvent(command.tenantId(), command.apiKey().keyId(),
                command.apiKey().keyHash(), command.apiKey().keyPrefix(), ApiKeyRules.FIRST_KEY_NAME));
    }

    /**
     * Issues another key. A paused tenant may be issued keys: after a leak an admin pauses the tenant,
     * issues a new key, deploys it, revokes the leaked one and activates the tenant again.
     */
    @CommandHandler
    void handle(IssueApiKeyCommand command) {
        String name = ApiKeyRules.checkName(command.name());
        if (apiKeys.containsKey(command.apiKey().keyId())) {
            throw new RuleViolationException("id", "API key " + command.apiKey().keyId() + " already exists");
        }
        ApiKeyRules.checkRoomFor(name, apiKeys.values().stream().filter(key -> !key.revoked()).map(ApiKeyState::name).toList());
        apply(new ApiKeyIssuedEvent(tenantId, command.apiKey().keyId(), command.apiKey().keyHash(),
                command.apiKey().keyPrefix(), name));
    }

    /**
     * Revokes a key, the tenant's last live one included (containing a leak comes first). Another
     * tenant's key is as unknown as a made-up id; revoking a revoked key changes nothing.
     */
    @CommandHandler
    Object handle(RevokeApiKeyCommand command) {
        ApiKeyState key = apiKeys.get(command.keyId());
        if (key == null) {
            throw new UnknownEntityException("API key", command.keyId());
        }
        if (key.revoked()) {
            return new Unchanged(null, getVersion());
        }
        apply(new ApiKeyRevokedEvent(tenantId, command.keyId()));
        return null;
    }

    @CommandHandler
    void handle(CreateDashboardCommand command, DashboardOwners owners) {
        TenantRules.checkNewDashboard(command);
        if (dashboards.containsKey(command.dashboardId())) {
            throw new RuleViolationException("id", "dashboard " + command.dashboardId() + " already exists");
        }
        if (dashboards.values().stream().anyMatch(d -> d.getSlug().equals(command.slug()))) {
            throw new RuleViolationException("slug", "slug '" + command.slug() + "' is already used by another dashboard of this tenant");
        }
        if (dashboards.size() >= maxDashboards) {
            throw new RuleViolationException(null, "the tenant's license allows " + maxDashboards + " dashboards");
        }
        DashboardCreatedEvent created = new DashboardCreatedEvent(tenantId, command.dashboardId(), command.name().strip(),
                command.slug(), command.description());
        List<DashboardSnapshot> withNew = new ArrayList<>(dashboards.values());
        withNew.add(snapshotOf(created));
        EventSize.checkDraftFits(tenantId, withNew, allWidgets(), branding, "description");
        owners.register(command.dashboardId(), tenantId);
        apply(created);
    }

    @CommandHandler
    List<Widget> handle(ReplaceWidgetsCommand command) {
        if (!dashboards.containsKey(command.dashboardId())) {
            throw new UnknownEntityException("dashboard", command.dashboardId());
        }
        Set<String> namesOnOtherDashboards = new HashSet<>();
        Set<String> idsOnOtherDashboards = new HashSet<>();
        widgetsByDashboard.forEach((dashboardId, widgets) -> {
            if (!dashboardId.equals(command.dashboardId())) {
                widgets.forEach(w -> {
                    namesOnOtherDashboards.add(w.getName());
                    idsOnOtherDashboards.add(w.getWidgetId());
                });
            }
        });
        List<Widget> widgets = new WidgetRules(maxWidgetsPerDashboard, namesOnOtherDashboards, idsOnOtherDashboards,
                issuedWidgetIds).check(command.dashboardId(), command.widgets(), command.newWidgetIds());
        // The dashboard's own event is smaller than the draft that holds it and every other dashboard's widgets.
        EventSize.checkDraftFits(tenantId, new ArrayList<>(dashboards.values()), allWidgets(command.dashboardId(), widgets),
                branding, "widgets");
        apply(new WidgetsReplacedEvent(tenantId, command.dashboardId(), widgets));
        return widgets;
    }

    /** Pausing a paused tenant changes nothing, its reason included (activate, then pause again to change it). */
    @CommandHandler
    Object handle(PauseTenantCommand command) {
        String reason = TenantRules.checkPauseReason(command);
        if (paused) {
            return new Unchanged(new TenantStatus(true, pausedReason), getVersion());
        }
        apply(new TenantPausedEvent(tenantId, reason));
        return new TenantStatus(true, reason);
    }

    @CommandHandler
    Object handle(ActivateTenantCommand command) {
        if (!paused) {
            return new Unchanged(new TenantStatus(false, null), getVersion());
        }
        apply(new TenantActivatedEvent(tenantId));
        return new TenantStatus(false, null);
    }

    /**
     * Answers the stored branding: sanitised, so it may differ from what was sent. Setting the
     * branding the tenant already has changes nothing.
     */
    @CommandHandler
    Object handle(SetTenantBrandingCommand command) {
        Branding checked = BrandingRules.check(command);
        if (checked.equals(branding)) {
            return new Unchanged(checked, getVersion());
        }
        EventSize.checkDraftFits(tenantId, new ArrayList<>(dashboards.values()), allWidgets(), checked, "logo");
        apply(new TenantBrandingSetEvent(tenantId, checked));
        return checked;
    }

    @CommandHandler
    Object handle(ClearTenantBrandingCommand command) {
        if (branding == null) {
            return new Unchanged(null, getVersion());
        }
        apply(new TenantBrandingClearedEvent(tenantId));
        return null;
    }

    /** Answers the new version number. */
    @CommandHandler
    int handle(SaveDraftCommand command, @MetaDataValue("actor") String actor) {
        TenantRules.checkDraft(command);
        if (versions.containsKey(command.versionId())) {
            throw new RuleViolationException("id", "version " + command.versionId() + " already exists");
        }
        PublishedConfiguration snapshot = new PublishedConfiguration(new ArrayList<>(dashboards.values()), allWidgets(), branding);
        int number = lastVersionNumber + 1;
        Integer parent = lastVersionNumber == 0 ? null : lastVersionNumber;
        DraftSavedEvent draft = new DraftSavedEvent(tenantId, command.versionId(), number, command.message(),
                actor == null ? SYSTEM_ACTOR : actor, snapshot, parent, null, null);
        // Growing the working copy is refused when the draft would not fit; this guards tenants from before that rule.
        EventSize.check(draft, "metadata", "the draft");
        apply(draft);
        return number;
    }

    /**
     * Restores any version (draft, published or archived) as the next draft, its snapshot copied
     * unchanged. The working copy is set back first, so the builder's next draft starts from what
     * was restored: one widget replacement per dashboard that differs (see {@link WorkingCopyRestore}),
     * and the restored branding set (or cleared) when it differs from the current one.
     */
    @CommandHandler
    RestoredDraft handle(RestoreVersionCommand command, @MetaDataValue("actor") String actor) {
        TenantRules.checkMessage(command.message());
        VersionState restored = versions.get(command.versionId());
        if (restored == null) {
            throw new UnknownEntityException("version", command.versionId());
        }
        if (versions.containsKey(command.newVersionId())) {
            throw new RuleViolationException("id", "version " + command.newVersionId() + " already exists");
        }
        int parent = lastVersionNumber;
        int number = parent + 1;
        DraftSavedEvent draft = new DraftSavedEvent(tenantId, command.newVersionId(), number, command.message(),
                actor == null ? SYSTEM_ACTOR : actor, restored.snapshot(), parent, command.versionId(), restored.number());
        // The replacements hold parts of the same snapshot, so they fit when the draft does.
        EventSize.check(draft, "metadata", "the restored draft");
        WorkingCopyRestore.plan(dashboards.keySet(), widgetsByDashboard, restored.snapshot())
                .forEach(replacement -> apply(new WidgetsReplacedEvent(tenantId, replacement.dashboardId(),
                        replacement.widgets())));
        Branding restoredBranding = restored.snapshot().getBranding();
        if (restoredBranding == null && branding != null) {
            apply(new TenantBrandingClearedEvent(tenantId));
        } else if (restoredBranding != null && !restoredBranding.equals(branding)) {
            apply(new TenantBrandingSetEvent(tenantId, restoredBranding));
        }
        apply(draft);
        return new RestoredDraft(number, parent, restored.number());
    }

    /** Answers the published version number. */
    @CommandHandler
    int handle(PublishVersionCommand command, @MetaDataValue("actor") String actor) {
        VersionState version = versions.get(command.versionId());
        if (version == null) {
            throw new UnknownEntityException("version", command.versionId());
        }
        if (version.status() != VersionStatus.DRAFT) {
            throw new RuleViolationException(null, "version " + version.number() + " is "
                    + version.status().name().toLowerCase() + "; only drafts can be published");
        }
        // Archive first, so no reader ever sees two published versions of one tenant.
        if (publishedVersionId != null) {
            apply(new VersionArchivedEvent(tenantId, publishedVersionId, versions.get(publishedVersionId).number()));
        }
        apply(new VersionPublishedEvent(tenantId, command.versionId(), version.number(),
                actor == null ? SYSTEM_ACTOR : actor));
        return version.number();
    }

    @EventSourcingHandler
    void on(TenantCreatedEvent event) {
        tenantId = event.getTenantId();
        maxDashboards = event.getMaxDashboards();
        maxWidgetsPerDashboard = event.getMaxWidgetsPerDashboard();
    }

    @EventSourcingHandler
    void on(ApiKeyIssuedEvent event) {
        apiKeys.put(event.getKeyId(), new ApiKeyState(
                event.getName() == null ? ApiKeyRules.FIRST_KEY_NAME : event.getName(), false));
    }

    @EventSourcingHandler
    void on(ApiKeyRevokedEvent event) {
        apiKeys.computeIfPresent(event.getKeyId(), (id, key) -> new ApiKeyState(key.name(), true));
    }

    @EventSourcingHandler
    void on(DashboardCreatedEvent event) {
        dashboards.put(event.getDashboardId(), snapshotOf(event));
    }

    @EventSourcingHandler
    void on(WidgetsReplacedEvent event) {
        widgetsByDashboard.put(event.getDashboardId(), List.copyOf(event.getWidgets()));
        event.getWidgets().forEach(widget -> issuedWidgetIds.add(widget.getWidgetId()));
    }

    @EventSourcingHandler
    void on(DraftSavedEvent event) {
        versions.put(event.getVersionId(), new VersionState(event.getVersion(), VersionStatus.DRAFT, event.getMetadata()));
        lastVersionNumber = event.getVersion();
    }

    @EventSourcingHandler
    void on(VersionArchivedEvent event) {
        versions.computeIfPresent(event.getVersionId(), (id, version) -> version.withStatus(VersionStatus.ARCHIVED));
        publishedVersionId = null;
    }

    @EventSourcingHandler
    void on(VersionPublishedEvent event) {
        versions.computeIfPresent(event.getVersionId(), (id, version) -> version.withStatus(VersionStatus.PUBLISHED));
        publishedVersionId = event.getVersionId();
    }

    @EventSourcingHandler
    void on(TenantPausedEvent event) {
        paused = true;
        pausedReason = event.getReason();
    }

    @EventSourcingHandler
    void on(TenantActivatedEvent event) {
        paused = false;
        pausedReason = null;
    }

    @EventSourcingHandler
    void on(TenantBrandingSetEvent event) {
        branding = event.getBranding();
    }

    @EventSourcingHandler
    void on(TenantBrandingClearedEvent event) {
        branding = null;
    }

    /** The tenant's widgets as a draft holds them: by dashboard, in the order the dashboards were created. */
    private List<Widget> allWidgets() {
        return allWidgets(null, null);
    }

    /** The same, with {@code replacing}'s widgets replaced by {@code replacement}. */
    private List<Widget> allWidgets(String replacing, List<Widget> replacement) {
        List<Widget> all = new ArrayList<>();
        dashboards.keySet().forEach(id -> all.addAll(id.equals(replacing) ? replacement
                : widgetsByDashboard.getOrDefault(id, List.of())));
        return all;
    }

    private static DashboardSnapshot snapshotOf(DashboardCreatedEvent event) {
        return new DashboardSnapshot(event.getDashboardId(), event.getName(), event.getSlug(), event.getDescription());
    }

    /** A version's number, status and snapshot: the snapshot is kept so any version can be restored. */
    private record VersionState(int number, VersionStatus status, PublishedConfiguration snapshot) {

        VersionState withStatus(VersionStatus newStatus) {
            return new VersionState(number, newStatus, snapshot);
        }
    }

    private enum VersionStatus { DRAFT, PUBLISHED, ARCHIVED }

    /** What the rules need of a key: its name (unique among live keys) and whether it still works. */
    private record ApiKeyState(String name, boolean revoked) {
    }
}
