package io.flexboard.projector.readmodel;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.flexboard.history.fold.DashboardRow;
import io.flexboard.history.fold.FoldReads;
import io.flexboard.history.fold.JsonDocument;
import io.flexboard.history.fold.ReadModelView;
import io.flexboard.history.fold.VersionRow;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Reads, in the batch's transaction, the rows the fold will ask for one event, so the fold itself
 * never waits on the database. Sees the writes of the batch's earlier events, as it must.
 */
final class SqlReadModelView {

    private final DatabaseClient database;

    SqlReadModelView(DatabaseClient database) {
        this.database = database;
    }

    Mono<ReadModelView> load(FoldReads reads) {
        Mono<Optional<DashboardRow>> dashboard = reads.dashboardId() == null ? Mono.just(Optional.empty())
                : database.sql("""
                                select id, tenant_id, name, slug, description, widget_count, created_at, updated_at
                                  from dashboards where id = :id
                                """)
                        .bind("id", reads.dashboardId())
                        .map(SqlReadModelView::dashboard)
                        .one()
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty());
        Mono<Optional<VersionRow>> version = reads.versionId() == null ? Mono.just(Optional.empty())
                : database.sql("""
                                select id, tenant_id, version, status, message, created_by, created_at, published_at,
                                       metadata, parent_version, restored_from_version_id, restored_from_version
                                  from versions where id = :id
                                """)
                        .bind("id", reads.versionId())
                        .map(SqlReadModelView::version)
                        .one()
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty());
        return dashboard.zipWith(version, (d, v) -> new Loaded(reads, d, v));
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

    /** The rows read for one event; asking for any other row is a bug in {@link io.flexboard.history.fold.ReadModelFold#reads}. */
    private record Loaded(FoldReads reads, Optional<DashboardRow> dashboard, Optional<VersionRow> version)
            implements ReadModelView {

        @Override
        public Optional<DashboardRow> dashboard(UUID dashboardId) {
            requireRead(dashboardId, reads.dashboardId());
            return dashboard;
        }

        @Override
        public Optional<VersionRow> version(UUID versionId) {
            requireRead(versionId, reads.versionId());
            return version;
        }

        private static void requireRead(UUID asked, UUID read) {
            if (!asked.equals(read)) {
                throw new IllegalStateException("The fold asked for row " + asked + " but declared " + read);
            }
        }
    }
}
