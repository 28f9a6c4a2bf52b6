package io.flexboard.projector;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V15 renames {@code sync_logs}, {@code sync_counts} and {@code published_versions.sync_metadata} to the
 * glossary's words: a read model migrated before it keeps every sync report, count and published
 * configuration, so neither the overview nor a parked agent's answer changes because of an upgrade.
 */
class SyncReportNamesMigrationTest {

    private static final String SCHEMA = "readmodel";
    private static final Timestamp SYNCED_AT = Timestamp.from(Instant.parse("2026-12-01T10:15:00Z"));
    private static final Timestamp HOUR = Timestamp.from(Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void given_sync_logs_counts_and_sync_metadata_before_v15_when_migrated_then_they_are_sync_reports_counts_and_published_configuration() {
        TestDatabase.Separate database = TestDatabase.separate("sync_report_names_migration");
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), TestDatabase.USER, ""));
        migrate(database, "13");
        UUID tenant = tenantWithPublishedVersion(jdbc, "{\"version\": 1, \"dashboards\": []}");
        UUID report = UUID.randomUUID();
        jdbc.sql("insert into " + SCHEMA + ".sync_logs (id, tenant_id, agent_id, sync_status, metadata_version, current_version,"
                        + " has_updates, sync_duration_ms, held_ms, synced_at, bridge_instance)"
                        + " values (?, ?, 'agent-a', 'success', 1, 0, true, 10, 0, ?, 'bridge-1')")
                .params(report, tenant, SYNCED_AT).update();
        jdbc.sql("insert into " + SCHEMA + ".sync_counts (tenant_id, hour, success, error) values (?, ?, 6, 1)")
                .params(tenant, HOUR).update();

        migrate(database, "latest");

        assertThat(jdbc.sql("select agent_id from " + SCHEMA + ".sync_reports where id = ?").param(report)
                .query(String.class).single()).isEqualTo("agent-a");
        assertThat(jdbc.sql("select success + error from " + SCHEMA + ".sync_report_counts where tenant_id = ? and hour = ?")
                .params(tenant, HOUR).query(Long.class).single()).isEqualTo(7);
        assertThat(jdbc.sql("select published_configuration ->> 'version' from " + SCHEMA + ".published_versions where tenant_id = ?")
                .param(tenant).query(String.class).single()).isEqualTo("1");
        assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = ? and tablename in ('sync_logs', 'sync_counts')")
                .param(SCHEMA).query(Long.class).single()).isZero();
    }

    private static void migrate(TestDatabase.Separate database, String target) {
        Flyway.configure().dataSource(database.jdbcUrl(), TestDatabase.USER, "")
                .schemas(SCHEMA).defaultSchema(SCHEMA).locations("classpath:db/migration/readmodel")
                .target(target)
                .load().migrate();
    }

    /** A tenant, its version 1 and that version published, as the projector wrote them before V15. */
    private static UUID tenantWithPublishedVersion(JdbcClient jdbc, String publishedConfiguration) {
        UUID tenant = UUID.randomUUID();
        UUID version = UUID.randomUUID();
        Timestamp at = Timestamp.from(Instant.EPOCH);
        jdbc.sql("insert into " + SCHEMA + ".tenants (id, name, slug, license_type, max_dashboards, max_widgets_per_dashboard,"
                        + " created_at, updated_at) values (?, 'Acme', 'acme', 'basic', 5, 20, ?, ?)")
                .params(tenant, at, at).update();
        jdbc.sql("insert into " + SCHEMA + ".versions (id, tenant_id, version, status, created_by, created_at, published_at, metadata)"
                        + " values (?, ?, 1, 'published', 'alice', ?, ?, '{}'::jsonb)")
                .params(version, tenant, at, at).update();
        jdbc.sql("insert into " + SCHEMA + ".published_versions (tenant_id, version_id, version, published_at, sync_metadata)"
                        + " values (?, ?, 1, ?, ?::jsonb)")
                .params(tenant, version, at, publishedConfiguration).update();
        return tenant;
    }
}
