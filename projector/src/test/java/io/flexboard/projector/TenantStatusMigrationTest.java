package io.flexboard.projector;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V14 turns {@code tenants.is_active} into {@code status}: a read model migrated before it keeps
 * every tenant's status, so no agent of a paused tenant syncs again because of an upgrade.
 */
class TenantStatusMigrationTest {

    private static final String SCHEMA = "readmodel";

    @Test
    void givenAPausedAndAnActiveTenantBeforeV14_whenMigrated_thenThePausedOneIsStillPausedWithItsReason() {
        TestDatabase.Separate database = TestDatabase.separate("tenant_status_migration");
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), TestDatabase.USER, ""));
        migrate(database, "13");
        UUID paused = tenant(jdbc, "paused-before", false, "invoice overdue");
        UUID active = tenant(jdbc, "active-before", true, null);

        migrate(database, "latest");

        assertThat(status(jdbc, paused)).containsEntry("status", "paused").containsEntry("paused_reason", "invoice overdue");
        assertThat(status(jdbc, active)).containsEntry("status", "active").containsEntry("paused_reason", null);
        assertThatThrownBy(() -> jdbc.sql("update " + SCHEMA + ".tenants set status = 'inactive' where id = ?")
                .param(active).update())
                .hasMessageContaining("tenants_status_check");
    }

    private static void migrate(TestDatabase.Separate database, String target) {
        Flyway.configure().dataSource(database.jdbcUrl(), TestDatabase.USER, "")
                .schemas(SCHEMA).defaultSchema(SCHEMA).locations("classpath:db/migration/readmodel")
                .target(target)
                .load().migrate();
    }

    /** A tenant row as the projector wrote it before V14. */
    private static UUID tenant(JdbcClient jdbc, String slug, boolean active, String pausedReason) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into " + SCHEMA + ".tenants (id, name, slug, license_type, max_dashboards, max_widgets_per_dashboard,"
                        + " is_active, paused_reason, created_at, updated_at) values (?, ?, ?, 'basic', 5, 20, ?, ?, ?, ?)")
                .params(id, slug, slug, active, pausedReason, Timestamp.from(Instant.EPOCH),
                        Timestamp.from(Instant.EPOCH))
                .update();
        return id;
    }

    private static Map<String, Object> status(JdbcClient jdbc, UUID tenant) {
        return jdbc.sql("select status, paused_reason from " + SCHEMA + ".tenants where id = ?").param(tenant)
                .query().singleRow();
    }
}
