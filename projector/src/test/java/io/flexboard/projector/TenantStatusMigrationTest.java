package io.flexboard.projector;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V14 turns {@code tenants.is_active} into {@code status}: a read model migrated before it keeps every
 * tenant's status, so no agent of a paused tenant syncs again because of an upgrade; and for one release
 * the old column follows the new one (and back), for the services still running during a rolling upgrade.
 */
class TenantStatusMigrationTest {

    private static final String SCHEMA = "readmodel";
    private static TestDatabase.Separate database;
    private static JdbcClient jdbc;
    private static UUID pausedBefore;
    private static UUID activeBefore;

    @BeforeAll
    static void tenantsOfTheReleaseBeforeV14() {
        database = TestDatabase.separate("tenant_status_migration");
        jdbc = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), TestDatabase.USER, ""));
        migrate("13");
        pausedBefore = tenant("paused-before", false, "invoice overdue");
        activeBefore = tenant("active-before", true, null);
        migrate("latest");
    }

    @Test
    void given_a_paused_and_an_active_tenant_before_v14_when_migrated_then_the_paused_one_is_still_paused_with_its_reason() {
        assertThat(status(pausedBefore)).containsEntry("status", "paused").containsEntry("paused_reason", "invoice overdue");
        assertThat(status(activeBefore)).containsEntry("status", "active").containsEntry("paused_reason", null);
    }

    @Test
    void given_the_migrated_table_when_a_status_outside_active_and_paused_is_written_then_the_database_refuses_it() {
        assertThatThrownBy(() -> jdbc.sql("update " + SCHEMA + ".tenants set status = 'inactive' where id = ?")
                .param(activeBefore).update())
                .hasMessageContaining("tenants_status_check");
    }

    @Test
    void given_services_of_the_release_before_when_either_column_is_written_then_the_other_follows_for_one_release() {
        UUID tenant = tenant("rolling-upgrade", true, null);

        jdbc.sql("update " + SCHEMA + ".tenants set status = 'paused' where id = ?").param(tenant).update();
        assertThat(status(tenant)).containsEntry("status", "paused").containsEntry("is_active", false);

        jdbc.sql("update " + SCHEMA + ".tenants set is_active = true where id = ?").param(tenant).update();
        assertThat(status(tenant)).containsEntry("status", "active").containsEntry("is_active", true);
    }

    private static void migrate(String target) {
        Flyway.configure().dataSource(database.jdbcUrl(), TestDatabase.USER, "")
                .schemas(SCHEMA).defaultSchema(SCHEMA).locations("classpath:db/migration/readmodel")
                .target(target)
                .load().migrate();
    }

    /** A tenant row as the projector of the release before V14 wrote it. */
    private static UUID tenant(String slug, boolean active, String pausedReason) {
        UUID id = UUID.randomUUID();
        Timestamp created = Timestamp.from(Instant.EPOCH);
        jdbc.sql("insert into " + SCHEMA + ".tenants (id, name, slug, license_type, max_dashboards, max_widgets_per_dashboard,"
                        + " is_active, paused_reason, created_at, updated_at) values (?, ?, ?, 'basic', 5, 20, ?, ?, ?, ?)")
                .params(id, slug, slug, active, pausedReason, created, created)
                .update();
        return id;
    }

    private static Map<String, Object> status(UUID tenant) {
        return jdbc.sql("select status, is_active, paused_reason from " + SCHEMA + ".tenants where id = ?").param(tenant)
                .query().singleRow();
    }
}
