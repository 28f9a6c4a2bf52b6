package io.flexboard.projector;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The tests' own databases on the machine's PostgreSQL, each dropped and recreated once per test
 * run (JVM) so every run starts from empty read models. No other database is touched. Public for
 * the rebuild package's tests.
 */
public final class TestDatabase {

    /** The machine's PostgreSQL, or FLEXBOARD_TEST_PG_HOST / _PORT / _USER. */
    private static final String HOST = System.getenv().getOrDefault("FLEXBOARD_TEST_PG_HOST", "127.0.0.1") + ":"
            + System.getenv().getOrDefault("FLEXBOARD_TEST_PG_PORT", "5432");
    // FLEXBOARD_TEST_DB_SUFFIX lets two checkouts run their tests on one PostgreSQL at once.
    private static final String SUFFIX = System.getenv().getOrDefault("FLEXBOARD_TEST_DB_SUFFIX", "");
    private static final String NAME = "flexboard_test_projector" + SUFFIX;
    public static final String USER = System.getenv().getOrDefault("FLEXBOARD_TEST_PG_USER", "postgres");
    public static final String JDBC_URL = "jdbc:postgresql://" + HOST + "/" + NAME;

    private static final Set<String> recreated = new HashSet<>();

    private TestDatabase() {
    }

    /** Points the projector's R2DBC and Flyway connections at the test database. */
    static void register(DynamicPropertyRegistry registry) {
        recreateOnce(NAME);
        registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://" + HOST + "/" + NAME);
        registry.add("spring.r2dbc.username", () -> USER);
        registry.add("spring.flyway.url", () -> JDBC_URL);
        registry.add("spring.flyway.user", () -> USER);
    }

    /**
     * A database of its own for tests that must see every read-model row as theirs, e.g. a rebuild,
     * which replaces every live row with what the topic of its own broker holds: the same properties
     * {@link #register} sets, for database {@code flexboard_test_projector_<name>}.
     */
    public static Separate separate(String name) {
        String database = "flexboard_test_projector_" + name + SUFFIX;
        recreateOnce(database);
        return new Separate("jdbc:postgresql://" + HOST + "/" + database, "r2dbc:postgresql://" + HOST + "/" + database);
    }

    /** A separate test database's two URLs. */
    public record Separate(String jdbcUrl, String r2dbcUrl) {

        void register(DynamicPropertyRegistry registry) {
            registry.add("spring.r2dbc.url", this::r2dbcUrl);
            registry.add("spring.r2dbc.username", () -> USER);
            registry.add("spring.flyway.url", this::jdbcUrl);
            registry.add("spring.flyway.user", () -> USER);
        }
    }

    private static synchronized void recreateOnce(String database) {
        if (!recreated.add(database)) {
            return;
        }
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        } catch (SQLException e) {
            recreated.remove(database);
            throw new IllegalStateException("Cannot recreate the test database " + database + " on " + HOST, e);
        }
    }
}
