package io.flexboard.projector.readmodel;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.flexboard.fold.DashboardRow;
import io.flexboard.fold.FoldReads;
import io.flexboard.fold.JsonDocument;
import io.flexboard.fold.ReadModelView;
import io.flexboard.fold.VersionRow;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Reads, in the batch's transaction and before its fold, every row the fold will ask for while
 * folding the batch's events (one statement per table), so the fold itself never waits on the
 * database. The rows are as the batch found them; {@link io.flexboard.fold.BatchChanges#over}
 * adds what the batch's earlier events changed.
 */
final class SqlReadModelView {

    private final DatabaseClient database;

    SqlReadModelView(DatabaseClient database) {
        this.database = database;
    }

    Mono<ReadModelView> load(Collection<FoldReads> reads) {
        Set<UUID> dashboardIds = new HashSet<>();
        Set<UUID> versionIds = new HashSet<>();
        for (FoldReads read : reads) {
            if (read.dashboardId() != null) {
                dashboardIds.add(read.dashboardId());
            }
            if (read.versionId() != null) {
                versionIds.add(read.versionId());
            }
        }
        Mono<Map<UUID, DashboardRow>> dashboards = rows("""
                select id, tenant_id, name, slug, description, widget_count, created_at, updated_at
                  from dashboards where id = any(:ids)
                """, dashboardIds, SqlReadModelView::dashboard, DashboardRow::id);
        Mono<Map<UUID, VersionRow>> versions = rows("""
                select id, tenant_id, version, status, message, created_by, created_at, published_at,
                       metadata, parent_version, restored_from_version_id, restored_from_version
                  from versions where id = any(:ids)
                """, versionIds, SqlReadModelView::version, VersionRow::id);
        return dashboards.zipWith(versions, (d, v) -> new Loaded(dashboardIds, d, versionIds, v));
    }

    private <T> Mono<Map<UUID, T>> rows(String sql, Set<UUID> ids, Function<Readable, T> mapper, Function<T, UUID> id) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql(sql)
                .bind("ids", ids.toArray(UUID[]::new))
                .map(mapper::apply)
                .all()
                .collectMap(id, Function.identity(), HashMap::new);
    }

    private static DashboardRow dashboard(Readable row) {
        return new DashboardRow(row.get("id", UUID.class), row.get("tenant_id", UUID.class), row.get("name", String.class),
                row.get("slug", String.class), row.get("description", String.class), row.get("widget_count", Integer.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }

    private static VersionRow version(Readable row) {
        return new VersionRow(row.get("id", UUID.class), row.get("tenant_id", UUID.class), row.get("version", Integer.class),
                row.get("status", String.class), row.get("message", String.class), row.get("created_by", String.class),
                row.get("created_at", Instant.class), row.get("published_at", Instant.class),
                JsonDocument.ofText(row.get("metadata", Json.class).asString()), row.get("parent_version", Integer.class),
                row.get("restored_from_version_id", UUID.class), row.get("restored_from_version", Integer.class));
    }

    /** The rows read for the batch; asking for any other row is a bug in {@link io.flexboard.fold.ReadModelFold#reads}. */
    private record Loaded(Set<UUID> dashboardIds, Map<UUID, DashboardRow> dashboards,
                          Set<UUID> versionIds, Map<UUID, VersionRow> versions) implements ReadModelView {

        @Override
        public Optional<DashboardRow> dashboard(UUID dashboardId) {
            requireRead(dashboardIds, dashboardId);
            return Optional.ofNullable(dashboards.get(dashboardId));
        }

        @Override
        public Optional<VersionRow> version(UUID versionId) {
            requireRead(versionIds, versionId);
            return Optional.ofNullable(versions.get(versionId));
        }

        private static void requireRead(Set<UUID> read, UUID asked) {
            if (!read.contains(asked)) {
                throw new IllegalStateException("The fold asked for row " + asked + " but no event of the batch declared it");
            }
        }
    }
}
