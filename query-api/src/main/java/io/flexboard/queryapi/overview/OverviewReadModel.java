package io.flexboard.queryapi.overview;

import io.flexboard.queryapi.identity.VisibleTenants;
import io.flexboard.queryapi.syncreport.SyncStatusReadModel;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Aggregates the read models into the overview's counters: two queries, every sum and count in SQL, over
 * the tenants the caller sees.
 */
@Component
public class OverviewReadModel {

    static final int RECENT_ACTIVITY_SIZE = 10;

    /*
     * $1 = stale-after in seconds (used by the sync status CTE and agents_seen_recently), $2 = the caller's
     * tenants (null: every tenant), so a tenant-admin's overview counts only its own tenants.
     * The last 24 h are the current hour and the 23 before it: sync_report_counts holds hourly buckets, so
     * the window moves by the hour (never scanning sync_reports).
     */
    private static final String COUNTERS = SyncStatusReadModel.TENANT_SYNC_STATUS + """
            , syncs as (
                select coalesce(sum(success), 0)::bigint as success,
                       coalesce(sum(error), 0)::bigint as error,
                       coalesce(sum(partial), 0)::bigint as partial
                  from sync_report_counts
                 where hour >= date_trunc('hour', now()) - interval '23 hours'
                   and %1$s
            ), statuses as (
                select count(*) filter (where status = 'synced') as synced,
                       count(*) filter (where status = 'pending') as pending,
                       count(*) filter (where status = 'error') as error,
                       count(*) filter (where status = 'paused') as paused
                  from tenant_sync_status
                 where %1$s
            )
            select (select count(*) from tenants where is_active and %2$s) as active_tenants,
                   (select count(*) from tenants where %2$s) as total_tenants,
                   (select coalesce(sum(case when jsonb_typeof(published_configuration -> 'dashboards') = 'array'
                                             then jsonb_array_length(published_configuration -> 'dashboards') end), 0)::bigint
                      from published_versions where %1$s) as published_dashboards,
                   (select count(*) from widgets where %1$s) as total_widgets,
                   syncs.success::float8 / nullif(syncs.success + syncs.error + syncs.partial, 0) as sync_success_rate,
                   syncs.success, syncs.error, syncs.partial,
                   (select count(*) from agents where last_seen >= now() - make_interval(secs => $1) and %1$s) as agents_seen_recently,
                   statuses.synced, statuses.pending, statuses.error as tenants_error, statuses.paused
              from syncs cross join statuses
            """.formatted(VisibleTenants.condition("tenant_id", 2), VisibleTenants.condition("id", 2));

    private static final String RECENT_ACTIVITY = """
            select v.tenant_id, t.name as tenant_name, v.version, v.status, v.message,
                   coalesce(v.published_at, v.created_at) as at
              from versions v
              join tenants t on t.id = v.tenant_id
             where %s
             order by at desc, v.tenant_id, v.version desc
             limit $1""".formatted(VisibleTenants.condition("v.tenant_id", 2));

    private final DatabaseClient db;

    public OverviewReadModel(DatabaseClient db) {
        this.db = db;
    }

    /** The counters and recent activity over the tenants the caller sees. */
    public Mono<Overview> overview(double staleAfterSeconds, VisibleTenants tenants) {
        Mono<List<Overview.RecentActivity>> recent = tenants.bind(db.sql(RECENT_ACTIVITY), 1)
                .bind(0, RECENT_ACTIVITY_SIZE)
                .map(OverviewReadModel::activity)
                .all()
                .collectList();
        return tenants.bind(db.sql(COUNTERS), 1)
                .bind(0, staleAfterSeconds)
                .map(OverviewReadModel::counters) // a row is only readable inside map: copy it out here
                .one()
                .zipWith(recent, Overview::withRecentActivity);
    }

    private static Overview counters(Readable row) {
        return new Overview(
                row.get("active_tenants", Long.class),
                row.get("total_tenants", Long.class),
                row.get("published_dashboards", Long.class),
                row.get("total_widgets", Long.class),
                row.get("sync_success_rate", Double.class),
                new Overview.SyncCounts(
                        row.get("success", Long.class), row.get("error", Long.class), row.get("partial", Long.class)),
                row.get("agents_seen_recently", Long.class),
                new Overview.StatusCounts(
                        row.get("synced", Long.class), row.get("pending", Long.class), row.get("tenants_error", Long.class),
                        row.get("paused", Long.class)),
                List.of());
    }

    private static Overview.RecentActivity activity(Readable row) {
        return new Overview.RecentActivity(
                row.get("tenant_id", UUID.class),
                row.get("tenant_name", String.class),
                row.get("version", Integer.class),
                row.get("status", String.class),
                row.get("message", String.class),
                row.get("at", OffsetDateTime.class).toInstant());
    }
}
