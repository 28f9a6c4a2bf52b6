package io.flexboard.agentbridge.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/** This module's own test database, recreated once per test run and migrated with the projector's real files. */
public final class TestDatabase {

    // FLEXBOARD_TEST_DB_SUFFIX lets two checkouts run their tests on one PostgreSQL at once.
    public static final String NAME = "flexboard_test_agentbridge"
            + System.getenv().getOrDefault("FLEXBOARD_TEST_DB_SUFFIX", "");
    /** The machine's PostgreSQL, or FLEXBOARD_TEST_PG_HOST / _PORT / _USER. */
    private static final String SERVER = System.getenv().getOrDefault("FLEXBOARD_TEST_PG_HOST", "127.0.0.1") + ":"
            + System.getenv().getOrDefault("FLEXBOARD_TEST_PG_PORT", "5432");
    private static final String USER = System.getenv().getOrDefault("FLEXBOARD_TEST_PG_USER", "postgres");
    private static boolean ready;

    private TestDatabase() {
    }

    public static synchronized void ensureCreated() {
        if (ready) {
            return;
        }
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, null);
                Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + NAME + " with (force)");
            sql.execute("create database " + NAME);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " (user " + USER + ") is needed by the tests", e);
        }
        Flyway.configure()
                .dataSource("jdbc:postgresql://" + SERVER + "/" + NAME, USER, null)
                .locations("filesystem:../projector/src/main/resources/db/migration/readmodel")
                .schemas("readmodel")
                .createSchemas(true)
                .load()
                .migrate();
        ready = true;
    }

    public static String r2dbcUrl() {
        return "r2dbc:postgresql://" + SERVER + "/" + NAME;
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://" + SERVER + "/" + NAME + "?currentSchema=readmodel";
    }

    public static String user() {
        return USER;
    }
}
