package io.flexboard.agentbridge.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/** Writes the read-model rows an agent sync reads (tenants, API keys, published versions), in domain words. */
public final class SyncFixtures {

    public void clear() {
        execute("truncate tenant_positions, published_versions, versions, widgets, dashboards, api_keys, tenants");
    }

    /** A tenant without any published version yet, with the given API key. */
    public UUID tenantWithApiKey(String apiKey) {
        UUID tenant = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        execute("insert into tenants (id, name, slug, license_type, max_dashboards, max_widgets_per_dashboard,"
                        + " created_at, updated_at) values (?, ?, ?, 'basic', 5, 20, ?, ?)",
                tenant, "Tenant " + tenant, "tenant-" + tenant, now, now);
        execute("insert into api_keys (key_id, tenant_id, key_hash, key_prefix, created_at) values (?, ?, ?, ?, ?)",
                UUID.randomUUID(), tenant, sha256Hex(apiKey), apiKey.substring(0, 4), now);
        return tenant;
    }

    /** The projector has just written a further API key of the tenant. */
    public void apiKeyProjected(UUID tenant, String apiKey) {
        execute("insert into api_keys (key_id, tenant_id, key_hash, key_prefix, created_at) values (?, ?, ?, ?, now())",
                UUID.randomUUID(), tenant, sha256Hex(apiKey), apiKey.substring(0, 4));
    }

    /** A tenant whose versions 1..version exist, {@code version} being the published one. */
    public UUID tenantWithPublishedVersion(int version, String apiKey) {
        UUID tenant = tenantWithApiKey(apiKey);
        UUID versionId = null;
        for (int n = 1; n <= version; n++) {
            versionId = UUID.randomUUID();
            execute("insert into versions (id, tenant_id, version, status, created_by, created_at, published_at, metadata)"
                            + " values (?, ?, ?, ?, 'builder', now(), now(), '{}'::jsonb)",
                    versionId, tenant, n, n == version ? "published" : "archived");
        }
        execute("insert into published_versions (tenant_id, version_id, version, published_at, published_configuration)"
                + " values (?, ?, ?, now(), ?::jsonb)", tenant, versionId, version, publishedConfiguration(version));
        return tenant;
    }

    /**
     * The projector publishes {@code version} as it does: versions row, published_versions upsert and
     * {@code pg_notify('flexboard_published', '<tenant>:<version>')} in one transaction.
     */
    public void published(UUID tenant, int version) {
        publish(tenant, version, true);
    }

    /** As {@link #published}, but the notification is lost (as if this replica was not listening). */
    public void publishedWithoutNotification(UUID tenant, int version) {
        publish(tenant, version, false);
    }

    private void publish(UUID tenant, int version, boolean notify) {
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.user(), null)) {
            connection.setAutoCommit(false);
            UUID versionId = UUID.randomUUID();
            update(connection, "update versions set status = 'archived' where tenant_id = ? and status = 'published'", tenant);
            update(connection, "insert into versions (id, tenant_id, version, status, created_by, created_at, published_at, metadata)"
                    + " values (?, ?, ?, 'published', 'builder', now(), now(), '{}'::jsonb)", versionId, tenant, version);
            update(connection, "insert into published_versions (tenant_id, version_id, version, published_at, published_configuration)"
                    + " values (?, ?, ?, now(), ?::jsonb) on conflict (tenant_id) do update set version_id = excluded.version_id,"
                    + " version = excluded.version, published_at = excluded.published_at,"
                    + " published_configuration = excluded.published_configuration",
                    tenant, versionId, version, publishedConfiguration(version));
            if (notify) {
                update(connection, "select pg_notify('flexboard_published', ?)", tenant + ":" + version);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("publishing " + tenant + ":" + version, e);
        }
    }

    /**
     * An admin paused the tenant, as the projector applies it: {@code tenants} updated and the tenant
     * announced on {@code flexboard_published} with its published version, in one transaction.
     */
    public void paused(UUID tenant) {
        statusChanged(tenant, false, true);
    }

    /** As {@link #paused}, but the notification is lost (as if this replica was not listening). */
    public void pausedWithoutNotification(UUID tenant) {
        statusChanged(tenant, false, false);
    }

    /** The tenant was activated again, announced like a pause. */
    public void activated(UUID tenant) {
        statusChanged(tenant, true, true);
    }

    private void statusChanged(UUID tenant, boolean active, boolean notify) {
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.user(), null)) {
            connection.setAutoCommit(false);
            update(connection, "update tenants set status = ?, paused_reason = ? where id = ?",
                    active ? "active" : "paused", active ? null : "invoice overdue", tenant);
            if (notify) {
                update(connection, "select pg_notify('flexboard_published', ? || coalesce("
                        + "(select version from published_versions where tenant_id = ?), 0))", tenant + ":", tenant);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException((active ? "activating " : "pausing ") + tenant, e);
        }
    }

    /**
     * An admin revoked the key, as the projector applies it: {@code api_keys.revoked_at} set and
     * {@code <tenant>:<key hash>} announced on {@code flexboard_api_key_revoked}, in one transaction.
     */
    public void apiKeyRevoked(UUID tenant, String apiKey) {
        revoke(tenant, apiKey, true);
    }

    /** As {@link #apiKeyRevoked}, but the notification is lost (as if no replica was listening). */
    public void apiKeyRevokedWithoutNotification(UUID tenant, String apiKey) {
        revoke(tenant, apiKey, false);
    }

    private void revoke(UUID tenant, String apiKey, boolean notify) {
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.user(), null)) {
            connection.setAutoCommit(false);
            update(connection, "update api_keys set revoked_at = now() where key_hash = ?", sha256Hex(apiKey));
            if (notify) {
                update(connection, "select pg_notify('flexboard_api_key_revoked', ?)", tenant + ":" + sha256Hex(apiKey));
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("revoking a key of " + tenant, e);
        }
    }

    /** Announces a revocation without revoking anything, as a forged or garbled notification would. */
    public void revocationAnnounced(String payload) {
        execute("select pg_notify('flexboard_api_key_revoked', ?)", payload);
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /** Kills this test database's LISTEN connections, as a database restart or a network cut would. */
    public int listenConnectionsKilled() {
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.user(), null);
                PreparedStatement statement = connection.prepareStatement("select count(pg_terminate_backend(pid))"
                        + " from pg_stat_activity where datname = current_database() and application_name = ?")) {
            statement.setString(1, "flexboard-agent-bridge-listen");
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records that the projector has applied the tenant's events up to {@code sequence}. */
    public void projectedUpTo(UUID tenantId, long sequence) {
        execute("insert into tenant_positions (tenant_id, aggregate_sequence, updated_at) values (?, ?, now())"
                + " on conflict (tenant_id) do update set aggregate_sequence = excluded.aggregate_sequence,"
                + " updated_at = excluded.updated_at", tenantId, sequence);
    }

    /** The agent's metadata object as contracts.md shows it, for the given version. */
    public static String publishedConfiguration(int version) {
        return "{\"version\": " + version + ", \"dashboards\": [{\"id\": \"d1\", \"name\": \"Sales\", \"slug\": \"sales\","
                + " \"description\": null}], \"widgets\": [{\"id\": \"w1\", \"dashboard_id\": \"d1\","
                + " \"name\": \"sales-by-month\", \"widget_type\": \"bar\", \"position_x\": 0, \"position_y\": 0,"
                + " \"width\": 6, \"height\": 4}], \"config\": {\"sales-by-month\": {\"query\": \"SELECT 1\", \"type\": \"bar\"}}}";
    }

    private static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
