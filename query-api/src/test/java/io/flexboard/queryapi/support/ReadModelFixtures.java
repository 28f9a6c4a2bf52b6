package io.flexboard.queryapi.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
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
        execute("truncate tenant_positions, published_versions, versions, widgets, dashboards, api_keys, tenants");
        clock = 0;
    }

    public UUID tenant(String slug) {
        UUID id = UUID.randomUUID();
        Instant created = tick();
        execute("insert into tenants (id, name, slug, license_type, max_dashboards, max_widgets_per_dashboard,"
                        + " is_active, dashboard_count, last_sync, created_at, updated_at)"
                        + " values (?, ?, ?, 'basic', 5, 20, true, 0, null, ?, ?)",
                id, "Tenant " + slug, slug, Timestamp.from(created), Timestamp.from(created));
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
        execute("insert into dashboards (id, tenant_id, name, slug, description, widget_count, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, 0, ?, ?)",
                id, tenantId, "Dashboard " + slug, slug, "About " + slug, Timestamp.from(created), Timestamp.from(created));
        execute("update tenants set dashboard_count = dashboard_count + 1 where id = ?", tenantId);
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
        execute("insert into widgets (id, tenant_id, dashboard_id, name, widget_type, config, position_x, position_y,"
                        + " width, height, sort_order)"
                        + " select ?, tenant_id, id, ?, ?, ?::jsonb, ?, 0, 6, 4, ? from dashboards where id = ?",
                id, name, widgetType, "{\"query\": \"SELECT month, total FROM sales\", \"type\": \"" + widgetType + "\"}",
                sortOrder * 6, sortOrder, dashboardId);
        execute("update dashboards set widget_count = widget_count + 1 where id = ?", dashboardId);
        return id;
    }

    public UUID version(UUID tenantId, int number, String status) {
        UUID id = UUID.randomUUID();
        Instant created = tick();
        Timestamp published = "draft".equals(status) ? null : Timestamp.from(created.plusSeconds(1));
        execute("insert into versions (id, tenant_id, version, status, message, created_by, created_at, published_at, metadata)"
                        + " values (?, ?, ?, ?, ?, 'builder@vendor.example', ?, ?, ?::jsonb)",
                id, tenantId, number, status, "Version " + number, Timestamp.from(created), published,
                "{\"dashboards\": [], \"widgets\": [], \"number\": " + number + "}");
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

    /** Records that the projector has applied the tenant's events up to {@code sequence}. */
    public void projectedUpTo(UUID tenantId, long sequence) {
        execute("insert into tenant_positions (tenant_id, aggregate_sequence, updated_at) values (?, ?, now())"
                + " on conflict (tenant_id) do update set aggregate_sequence = excluded.aggregate_sequence,"
                + " updated_at = excluded.updated_at", tenantId, sequence);
    }

    private Instant tick() {
        return START.plusSeconds(clock++);
    }

    private static void execute(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.user(), null);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
