package io.flexboard.infra.local.postgres;

import io.flexboard.infra.local.config.DatabaseUrl;
import io.flexboard.infra.local.config.LocalPorts;
import io.flexboard.infra.local.config.Redacted;
import io.flexboard.infra.local.config.Settings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PostgreSQL for the local stack: the one named by {@code FLEXBOARD_DB_URL}, else an embedded one in {@code <data dir>/postgres}. */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "flexboard";

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

    private final EmbeddedPostgres embedded;
    private final DatabaseUrl url;

    private LocalPostgres(EmbeddedPostgres embedded, DatabaseUrl url) {
        this.embedded = embedded;
        this.url = url;
    }

    public static LocalPostgres start(Settings settings, LocalPorts ports) {
        if (settings.databaseUrl().isPresent()) {
            DatabaseUrl external = new DatabaseUrl(settings.databaseUrl().get(), settings.databaseUser(), settings.databasePassword());
            log.info("Using PostgreSQL at {}", external);
            createDatabaseIfMissing(external);
            return new LocalPostgres(null, external);
        }
        Path dataDirectory = settings.dataDir().resolve("postgres");
        // Before the port is chosen: an orphan of a crashed run holds the kept one.
        OrphanedPostgres.stopIfRunning(dataDirectory);
        int port = ports.port(LocalPorts.POSTGRES);
        try {
            Files.createDirectories(dataDirectory.getParent());
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    // The event store is the source of truth and its events are relayed to Kafka after
                    // commit: an asynchronous commit lost in a crash would leave Kafka ahead of it.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            DatabaseUrl url = DatabaseUrl.of("127.0.0.1", port, DATABASE, "postgres", "");
            createDatabaseIfMissing(url);
            log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {}", port, dataDirectory);
            return new LocalPostgres(embedded, url);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public DatabaseUrl url() {
        return url;
    }

    /** A cheap round trip, for the health check. */
    public boolean isUp() {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            try (ResultSet resultSet = statement.executeQuery("SELECT 1")) {
                return resultSet.next();
            }
        } catch (SQLException e) {
            log.debug("PostgreSQL check failed", e);
            return false;
        }
    }

    private static void createDatabaseIfMissing(DatabaseUrl url) {
        String database = url.database();
        try (Connection connection = connect(url)) {
            return; // it exists
        } catch (SQLException missing) {
            if (!"3D000".equals(missing.getSQLState())) {
                throw new IllegalStateException("Cannot connect to PostgreSQL at " + url + ": " + missing.getMessage(), missing);
            }
        }
        try (Connection connection = connect(url.withDatabase("postgres"));
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet resultSet = exists.executeQuery()) {
                if (resultSet.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
            }
            log.info("Created database {}", database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + " at " + url + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(DatabaseUrl url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", url.user());
        properties.setProperty("password", url.password());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "10");
        try {
            return DriverManager.getConnection(url.jdbcUrl(), properties);
        } catch (SQLException e) {
            // DriverManager names the URL ("No suitable driver found for jdbc:…?password=…"): never pass that on
            if (e.getMessage() != null && e.getMessage().contains(url.jdbcUrl())) {
                throw new SQLException(e.getMessage().replace(url.jdbcUrl(), Redacted.url(url.jdbcUrl())), e.getSQLState(), e.getErrorCode());
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
