package io.flexboard.queryapi.support;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes read-model rows the way the projector would, in domain words, with plain JDBC. */
public final class ReadModelFixtures {

    // Microsecond fractions on purpose: cursors must survive PostgreSQL's timestamp precision.
    private static final Instant START = Instant.parse("2026-01-01T08:00:00.123456Z");
    private int clock;

    public void clear() {
        TestDatabase.execute("truncate users, agent_data_sources, agent_data_source_sets, event_history, sync_report_counts, sync_reports, agents, tenant_positions, published_versions, versions, widgets,"
                + " dashboards, api_key_usage, api_keys, tenants");
        clock = 0;
    }

    public UUID tenant(String slug) {
        return tenant("Tenant " + slug, slug);
    }

    public UUID tenant(String name, String slug) {
        UUID id = UUID.randomUUID();
        Instant created = tick();
        TestDatabase.execute("insert into tenants (id, name, slug, license_type, max_dashboards, max_widgets_per_dashboard,"
                        + " is_active, dashboard_count, last_sync, created_at, updated_at)"
                        + " values (?, ?, ?, 'basic', 5, 20, true, 0, null, ?, ?)",
                id, name, slug, Timestamp.from(created), Timestamp.from(created));
        return id;
    }

    /** A user of the users read model, as the projector writes it. */
    public UUID user(String email, String role, UUID... tenantIds) {
        UUID id = UUID.randomUUID();
        Instant created = tick();
        TestDatabase.execute("insert into users (id, email, name, role, tenant_ids, is_active, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?::uuid[], true, ?, ?)",
                id, email, "User " + email, role,
                "{" + String.join(",", java.util.Arrays.stream(tenantIds).map(UUID::toString).toList()) + "}",
                Timestamp.from(created), Timestamp.from(created));
        return id;
    }

    public List<UUID> tenants(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(tenant("tenant-" + i));
        }
        return ids;
    }

    public UUID dashboard(UUID tenantId, String slug) {
        UUID id = UUID.randomUUID();
        Instant created = tick();
        TestDatabase.execute("insert into dashboards (id, tenant_id, name, slug, description, widget_count, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, 0, ?, ?)",
                id, tenantId, "Dashboard " + slug, slug, "About " + slug, Timestamp.from(created), Timestamp.from(created));
        TestDatabase.execute("update tenants set dashboard_count = dashboard_count + 1 where id = ?", tenantId);
        return id;
    }

    public UUID tenantWithDashboards(int count) {
        UUID tenant = tenant("with-dashboards-" + count);
        for (int i = 1; i <= count; i++) {
            dashboard(tenant, "dashboard-" + i);
        }
        return tenant;
    }

    public UUID widget(UUID dashboardId, String name, String widgetType, int sortOrder) {
        UUID id = UUID.randomUUID();
        TestDatabase.execute("insert into widgets (id, tenant_id, dashboard_id, name, widget_type, config, position_x, position_y,"
                        + " width, height, sort_order)"
                        + " select ?, tenant_id, id, ?, ?, ?::jsonb, ?, 0, 6, 4, ? from dashboards where id = ?",
                id, name, widgetType, "{\"query\": \"SELECT month, total FROM sales\", \"type\": \"" + widgetType + "\"}",
                sortOrder * 6, sortOrder, dashboardId);
        TestDatabase.execute("update dashboards set widget_count = widget_count + 1 where id = ?", dashboardId);
        return id;
    }

    /** A version saved after the tenant's previous one (its parent), as the projector writes it. */
    public UUID version(UUID tenantId, int number, String status) {
        return version(tenantId, number, status, null, null);
    }

    /** A draft that restores the tenant's version {@code restoredNumber} ({@code restoredId}). */
    public UUID restoredDraft(UUID tenantId, int number, UUID restoredId, int restoredNumber) {
        return version(tenantId, number, "draft", restoredId, restoredNumber);
    }

    private UUID version(UUID tenantId, int number, String status, UUID restoredId, Integer restoredNumber) {
        UUID id = UUID.randomUUID();
        Instant created = tick();
        Timestamp published = "draft".equals(status) ? null : Timestamp.from(created.plusSeconds(1));
        TestDatabase.execute("insert into versions (id, tenant_id, version, status, message, created_by, created_at, published_at, metadata,"
                        + " parent_version, restored_from_version_id, restored_from_version)"
                        + " values (?, ?, ?, ?, ?, 'builder@vendor.example', ?, ?, ?::jsonb, ?, ?, ?)",
                id, tenantId, number, status, "Version " + number, Timestamp.from(created), published,
                "{\"dashboards\": [], \"widgets\": [], \"number\": " + number + "}",
                number == 1 ? null : number - 1, restoredId, restoredNumber);
        return id;
    }

    /** A tenant whose versions 1..count exist, the last one published and the others archived. */
    public UUID tenantWithVersions(int count) {
        UUID tenant = tenant("with-versions-" + count);
        for (int i = 1; i <= count; i++) {
            version(tenant, i, i == count ? "published" : "archived");
        }
        return tenant;
    }

    /** Pauses the tenant, as the projector applies a TenantPaused event; {@code reason} may be null. */
    public void paused(UUID tenantId, String reason) {
        TestDatabase.execute("update tenants set is_active = false, paused_reason = ? where id = ?", reason, tenantId);
    }

    /** Sets the tenant's branding, as the projector applies a TenantBrandingSet event. */
    public void branding(UUID tenantId, String brandingJson) {
        TestDatabase.execute("update tenants set branding = ?::jsonb where id = ?", brandingJson, tenantId);
    }

    /** Sets the tenant's newest sync, as the projector does from agent sync reports. */
    public void lastSync(UUID tenantId, Instant at) {
        TestDatabase.execute("update tenants set last_sync = ? where id = ?", Timestamp.from(at), tenantId);
    }

    /**
     * A published version whose sync metadata lists {@code dashboards} dashboards, published a day
     * after the fixture clock's start so it is the newest activity.
     */
    public void publishedVersion(UUID tenantId, int number, int dashboards) {
        UUID id = UUID.randomUUID();
        Instant created = tick();
        Instant published = START.plus(Duration.ofDays(1)).plusSeconds(clock);
        StringBuilder list = new StringBuilder();
        for (int i = 1; i <= dashboards; i++) {
            list.append(i == 1 ? "" : ", ").append("{\"id\": \"").append(UUID.randomUUID()).append("\"}");
        }
        String metadata = "{\"version\": " + number + ", \"dashboards\": [" + list + "], \"widgets\": [], \"config\": {}}";
        TestDatabase.execute("insert into versions (id, tenant_id, version, status, message, created_by, created_at, published_at, metadata)"
                        + " values (?, ?, ?, 'published', ?, 'builder@vendor.example', ?, ?, ?::jsonb)",
                id, tenantId, number, "Version " + number, Timestamp.from(created), Timestamp.from(published), metadata);
        TestDatabase.execute("insert into published_versions (tenant_id, version_id, version, published_at, published_configuration)"
                + " values (?, ?, ?, ?, ?::jsonb)", tenantId, id, number, Timestamp.from(published), metadata);
    }

    /** An agent whose last sync succeeded {@code ago} before the database's now(), running {@code runningVersion}. */
    public void agentSeen(UUID tenantId, String agentId, long runningVersion, Duration ago) {
        agent(tenantId, agentId, runningVersion, "success", null, ago);
    }

    /** An agent whose last sync, {@code ago} before now(), failed. */
    public void failingAgent(UUID tenantId, String agentId, long runningVersion, Duration ago) {
        agent(tenantId, agentId, runningVersion, "error", "cannot write config.json: disk full", ago);
    }

    /** An agent whose last sync, {@code ago} before now(), was partial (some widgets not applied). */
    public void partlySyncedAgent(UUID tenantId, String agentId, long runningVersion, Duration ago) {
        agent(tenantId, agentId, runningVersion, "partial", "widget revenue-kpi: query timed out", ago);
    }

    private void agent(UUID tenantId, String agentId, long runningVersion, String status, String error, Duration ago) {
        TestDatabase.execute("insert into agents (tenant_id, agent_id, agent_version, running_version, latest_version, sync_status,"
                        + " last_error, first_seen, last_seen)"
                        + " values (?, ?, '1.4.2', ?, coalesce((select version from published_versions where tenant_id = ?), 0),"
                        + " ?, ?, now() - interval '7 days', now() - make_interval(secs => ?))",
                tenantId, agentId, runningVersion, tenantId, status, error, ago.toMillis() / 1000.0);
    }

    /**
     * The data sources an agent reported {@code ago} before now(), as {@code "id:type"}, replacing its set the
     * way the projector does; the agent itself is {@link #agentSeen seen} separately, or not at all.
     */
    public void agentReportedDataSources(UUID tenantId, String agentId, Duration ago, String... sources) {
        TestDatabase.execute("delete from agent_data_sources where tenant_id = ? and agent_id = ?", tenantId, agentId);
        TestDatabase.execute("delete from agent_data_source_sets where tenant_id = ? and agent_id = ?", tenantId, agentId);
        TestDatabase.execute("insert into agent_data_source_sets (tenant_id, agent_id, reported_at)"
                + " values (?, ?, now() - make_interval(secs => ?))", tenantId, agentId, ago.toMillis() / 1000.0);
        for (String source : sources) {
            String[] idAndType = source.split(":");
            TestDatabase.execute("insert into agent_data_sources (tenant_id, agent_id, data_source_id, type) values (?, ?, ?, ?)",
                    tenantId, agentId, idAndType[0], idAndType[1]);
        }
    }

    /** Sync outcomes counted in the hour bucket {@code hoursAgo} hours before the current one. */
    public void syncReportCounts(UUID tenantId, int hoursAgo, long success, long error, long partial) {
        TestDatabase.execute("insert into sync_report_counts (tenant_id, hour, success, error, partial)"
                        + " values (?, date_trunc('hour', now()) - make_interval(hours => ?), ?, ?, ?)",
                tenantId, hoursAgo, success, error, partial);
    }

    /** A live key of the tenant, issued by {@code createdBy}; its id. The hash is made up: nothing here checks it. */
    public UUID apiKey(UUID tenantId, String name, String createdBy) {
        UUID keyId = UUID.randomUUID();
        TestDatabase.execute("insert into api_keys (key_id, tenant_id, key_hash, key_prefix, created_at, name, created_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                keyId, tenantId, keyHash(keyId), "fbk_" + keyId.toString().substring(0, 6), Timestamp.from(tick()), name, createdBy);
        return keyId;
    }

    public void apiKeyRevoked(UUID keyId, Instant at) {
        TestDatabase.execute("update api_keys set revoked_at = ? where key_id = ?", Timestamp.from(at), keyId);
    }

    /** The projector recorded a sync authenticated by the key at {@code at}. */
    public void apiKeyUsed(UUID tenantId, UUID keyId, Instant at) {
        TestDatabase.execute("insert into api_key_usage (key_hash, tenant_id, last_used_at) values (?, ?, ?)",
                keyHash(keyId), tenantId, Timestamp.from(at));
    }

    private static String keyHash(UUID keyId) {
        String compact = keyId.toString().replace("-", "");
        return compact + compact;
    }

    /** Records that the projector has applied the tenant's events up to {@code sequence}. */
    public void projectedUpTo(UUID tenantId, long sequence) {
        TestDatabase.execute("insert into tenant_positions (tenant_id, aggregate_sequence, updated_at) values (?, ?, now())"
                + " on conflict (tenant_id) do update set aggregate_sequence = excluded.aggregate_sequence,"
                + " updated_at = excluded.updated_at", tenantId, sequence);
    }

    private Instant tick() {
        return START.plusSeconds(clock++);
    }
}
