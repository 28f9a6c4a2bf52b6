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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL for the local stack: the one named by {@code FLEXBOARD_DB_URL}, else an embedded one in
 * {@code <data dir>/postgres}. The embedded one is supervised: when its postmaster dies (kill -9, the OOM killer)
 * it is started again on the same port and data (crash recovery from the WAL); meanwhile commands answer 503.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "flexboard";

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(1);

    private final DatabaseUrl url;
    private final Path dataDirectory;
    private final int port;
    private final Object lifecycle = new Object();
    private volatile EmbeddedPostgres embedded;
    private volatile boolean closing;

    private LocalPostgres(EmbeddedPostgres embedded, DatabaseUrl url, Path dataDirectory, int port) {
        this.embedded = embedded;
        this.url = url;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    public static LocalPostgres start(Settings settings, LocalPorts ports) {
        if (settings.databaseUrl().isPresent()) {
            DatabaseUrl external = new DatabaseUrl(settings.databaseUrl().get(), settings.databaseUser(), settings.databasePassword());
            log.info("Using PostgreSQL at {}", external);
            createDatabaseIfMissing(external);
            return new LocalPostgres(null, external, null, 0);
        }
        Path dataDirectory = settings.dataDir().resolve("postgres");
        // Before the port is chosen: an orphan of a crashed run holds the kept one.
        OrphanedPostgres.stopIfRunning(dataDirectory);
        int port = ports.port(LocalPorts.POSTGRES);
        try {
            Files.createDirectories(dataDirectory.getParent());
            EmbeddedPostgres embedded = startEmbedded(dataDirectory, port);
            DatabaseUrl url = DatabaseUrl.of("127.0.0.1", port, DATABASE, "postgres", "");
            createDatabaseIfMissing(url);
            log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {}", port, dataDirectory);
            LocalPostgres postgres = new LocalPostgres(embedded, url, dataDirectory, port);
            postgres.superviseThePostmaster();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static EmbeddedPostgres startEmbedded(Path dataDirectory, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(false)
                // The event store is the source of truth and its events are relayed to Kafka after
                // commit: an asynchronous commit lost in a crash would leave Kafka ahead of it.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
    }

    /** Restarts the embedded PostgreSQL when its postmaster (found by {@code postmaster.pid}) exits without a close. */
    private void superviseThePostmaster() {
        Optional<ProcessHandle> postmaster = postmaster(dataDirectory);
        if (postmaster.isEmpty()) {
            log.warn("No postmaster.pid in {}: the embedded PostgreSQL is not supervised", dataDirectory);
            return;
        }
        long pid = postmaster.get().pid();
        postmaster.get().onExit().thenRunAsync(() -> restartAfterDeath(pid), runnable -> {
            Thread restarter = new Thread(runnable, "postgres-restarter");
            restarter.setDaemon(true);
            restarter.start();
        });
    }

    private void restartAfterDeath(long pid) {
        synchronized (lifecycle) {
            if (closing) {
                return;
            }
            log.error("The embedded PostgreSQL (pid {}) died; starting it again on port {} (commands answer 503 meanwhile)", pid, port);
            // Releases zonky's lock on the data directory; its pg_ctl stop fails on the dead server and is only logged.
            closeQuietly(embedded);
            while (!closing) {
                try {
                    embedded = startEmbedded(dataDirectory, port);
                    log.warn("The embedded PostgreSQL is back on port {} (recovered from its WAL)", port);
                    superviseThePostmaster();
                    return;
                } catch (IOException | RuntimeException e) {
                    // Its backends outlive a killed postmaster for a moment and still hold its shared memory.
                    log.warn("The embedded PostgreSQL did not start again yet ({}); retrying in {} s", e.getMessage(),
                            RESTART_PAUSE.toSeconds());
                    pause();
                }
            }
        }
    }

    private static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RESTART_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
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

    /** Stops the embedded PostgreSQL (and its supervision: a stop is not a death). */
    @Override
    public void close() {
        closing = true;
        synchronized (lifecycle) {
            if (embedded != null) {
                closeQuietly(embedded);
            }
        }
    }
}
