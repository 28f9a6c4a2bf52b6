package io.flexboard.agent.data.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The one HikariCP pool of a JDBC data source: built without contacting the database, every connection read-only. */
final class JdbcPool {

    /** HikariCP refuses shorter connection and validation timeouts (and silently falls back to 30 s). */
    private static final long HIKARI_MINIMUM_MILLIS = 250;
    private static final long VALIDATION_CEILING_MILLIS = 5_000;

    private JdbcPool() {
    }

    static HikariDataSource open(JdbcSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("flexboard-" + settings.id());
        config.setDriverClassName(settings.dialect().driverClassName());
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        settings.properties().forEach(config::addDataSourceProperty);
        long timeout = Math.max(HIKARI_MINIMUM_MILLIS, settings.timeout().toMillis());
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.min(timeout, VALIDATION_CEILING_MILLIS));
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        // A database that is down when the agent starts must not stop it: its widgets answer 502 until it is back.
        config.setInitializationFailTimeout(-1);
        config.setReadOnly(true);
        if (settings.dialect().isMySql()) {
            // Connector/J's setReadOnly only steers replica routing; this makes the session itself read-only,
            // autocommit statements included.
            config.setConnectionInitSql("SET SESSION TRANSACTION READ ONLY");
        }
        // SQL Server has no read-only session: each read runs in a transaction that is rolled back.
        config.setAutoCommit(!settings.dialect().isSqlServer());
        return new HikariDataSource(config);
    }
}
