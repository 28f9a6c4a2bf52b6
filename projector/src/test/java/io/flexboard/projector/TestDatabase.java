package io.flexboard.projector;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The tests' own database on the machine's PostgreSQL, dropped and recreated once per test run
 * (JVM) so every run starts from empty read models. No other database is touched.
 */
final class TestDatabase {

    /** The machine's PostgreSQL, or FLEXBOARD_TEST_PG_HOST / _PORT / _USER. */
    private static final String HOST = System.getenv().getOrDefault("FLEXBOARD_TEST_PG_HOST", "127.0.0.1") + ":"
            + System.getenv().getOrDefault("FLEXBOARD_TEST_PG_PORT", "5432");
    // FLEXBOARD_TEST_DB_SUFFIX lets two checkouts run their tests on one PostgreSQL at once.
    private static final String NAME = "flexboard_test_projector"
            + System.getenv().getOrDefault("FLEXBOARD_TEST_DB_SUFFIX", "");
    static final String USER = System.getenv().getOrDefault("FLEXBOARD_TEST_PG_USER", "postgres");
    static final String JDBC_URL = "jdbc:postgresql://" + HOST + "/" + NAME;

    private static boolean recreated;

    private TestDatabase() {
    }

    /** Points the projector's R2DBC and Flyway connections at the test database. */
    static void register(DynamicPropertyRegistry registry) {
        recreateOnce();
        registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://" + HOST + "/" + NAME);
        registry.add("spring.r2dbc.username", () -> USER);
        registry.add("spring.flyway.url", () -> JDBC_URL);
        registry.add("spring.flyway.user", () -> USER);
    }

    private static synchronized void recreateOnce() {
        if (recreated) {
            return;
        }
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + NAME + " with (force)");
            statement.execute("create database " + NAME);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot recreate the test database " + NAME + " on " + HOST, e);
        }
        recreated = true;
    }
}
