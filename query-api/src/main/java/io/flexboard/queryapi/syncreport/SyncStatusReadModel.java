package io.flexboard.queryapi.syncreport;

import io.flexboard.queryapi.identity.VisibleTenants;
import io.flexboard.queryapi.web.PageRequest;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Classifies tenants by their agents ({@code readmodel.agents}); pages in tenant order (created_at, id). */
@Component
public class SyncStatusReadModel {

    /**
     * The tenant sync status rule as SQL: the CTE {@code tenant_sync_status}, one row per tenant, with
     * $1 = stale-after in seconds. A paused tenant is paused/tenant_paused whatever its agents do: they
     * are refused syncs on purpose, so their silence is no error. Otherwise only agents seen within
     * stale-after count. A failing one makes the
     * tenant error/agent_error; none at all makes it error/no_agent_seen (a customer whose agents went
     * silent is as unserved as one whose agents fail); one on another version than the published one
     * (0 while none is published) makes it pending/agents_behind; otherwise synced. One lateral
     * aggregate per tenant on agents_last_seen_idx: one query for a whole page, no per-tenant round trip.
     * The overview counts statuses over the same CTE, so both always agree.
     */
    public static final String TENANT_SYNC_STATUS = """
            with seen_agents as (
                select t.id as tenant_id, t.name, t.slug, t.created_at, t.last_sync, t.is_active,
                       coalesce(p.version, 0)::bigint as published_version,
                       seen.agents_seen, seen.agents_on_published, seen.agents_failing
                  from tenants t
                  left join published_versions p on p.tenant_id = t.id
                 cross join lateral (
                       select count(*) as agents_seen,
                              count(*) filter (where a.running_version = coalesce(p.version, 0)) as agents_on_published,
                              count(*) filter (where a.sync_status = 'error') as agents_failing
                         from agents a
                        where a.tenant_id = t.id
                          and a.last_seen >= now() - make_interval(secs => $1)) seen
            ), tenant_sync_status as (
                select seen_agents.*,
                       case when not is_active then 'paused'
                            when agents_failing > 0 or agents_seen = 0 then 'error'
                            when agents_on_published < agents_seen then 'pending'
                            else 'synced' end as status,
                       case when not is_active then 'tenant_paused'
                            when agents_failing > 0 then 'agent_error'
                            when agents_seen = 0 then 'no_agent_seen'
                            when agents_on_published < agents_seen then 'agents_behind' end as reason
                  from seen_agents
            )
            """;

    private final DatabaseClient db;

    public SyncStatusReadModel(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The tenants the caller sees after the page's cursor, {@code fetchSize} of them, only those in
     * {@code status} when given.
     */
    public Flux<TenantSyncStatus> page(double staleAfterSeconds, SyncStatus status, PageRequest page, VisibleTenants tenants) {
        List<Object> parameters = new ArrayList<>(List.of(staleAfterSeconds));
        List<String> conditions = new ArrayList<>();
        if (!tenants.isEvery()) {
            parameters.add(tenants.only());
            conditions.add("tenant_id = any($" + parameters.size() + ")");
        }
        if (page.hasCursor()) {
            PageRequest.CreatedAtAndId after = page.decodeCreatedAtAndId();
            parameters.add(after.createdAt());
            parameters.add(after.id());
            conditions.add("(created_at, tenant_id) > ($" + (parameters.size() - 1) + ", $" + parameters.size() + ")");
        }
        if (status != null) {
            parameters.add(status.wireName());
            conditions.add("status = $" + parameters.size());
        }
        parameters.add(page.fetchSize());
        String sql = TENANT_SYNC_STATUS + "select * from tenant_sync_status"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by created_at, tenant_id limit $" + parameters.size();

        DatabaseClient.GenericExecuteSpec query = db.sql(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query = query.bind(i, parameters.get(i));
        }
        return query.map(SyncStatusReadModel::tenant).all();
    }

    /** The cursor of a page ending with this tenant; the same sort key as GET /api/tenants. */
    public static String cursorAfter(TenantSyncStatus tenant) {
        return PageRequest.cursorOf(tenant.tenantCreatedAt(), tenant.tenantId());
    }

    private static TenantSyncStatus tenant(Readable row) {
        return new TenantSyncStatus(
                row.get("tenant_id", UUID.class),
                row.get("name", String.class),
                row.get("slug", String.class),
                SyncStatus.of(row.get("status", String.class)),
                row.get("reason", String.class),
                row.get("published_version", Long.class),
                row.get("agents_seen", Long.class),
                row.get("agents_on_published", Long.class),
                row.get("agents_failing", Long.class),
                instant(row, "last_sync"),
                instant(row, "created_at"));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
