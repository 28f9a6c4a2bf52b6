package io.flexboard.commandapi;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh database on the machine's PostgreSQL (127.0.0.1:5432, or FLEXBOARD_TEST_PG_HOST/PORT),
 * dropped and created once per test JVM so runs never see each other's rows.
 */
public final class TestDatabase {

    public static final String HOST = System.getenv().getOrDefault("FLEXBOARD_TEST_PG_HOST", "127.0.0.1");
    public static final String PORT = System.getenv().getOrDefault("FLEXBOARD_TEST_PG_PORT", "5432");
    public static final String USER = System.getenv().getOrDefault("FLEXBOARD_TEST_PG_USER", "postgres");
    // FLEXBOARD_TEST_DB_SUFFIX lets two checkouts run their tests on one PostgreSQL at once.
    private static final String NAME = "flexboard_test_commandapi"
            + System.getenv().getOrDefault("FLEXBOARD_TEST_DB_SUFFIX", "");
    private static boolean created;

    private TestDatabase() {
    }

    public static synchronized String jdbcUrl() {
        if (!created) {
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, "");
                 Statement sql = admin.createStatement()) {
                sql.execute("drop database if exists " + NAME + " with (force)");
                sql.execute("create database " + NAME);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL must run on " + HOST + ":" + PORT + " for the tests", e);
            }
            created = true;
        }
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + NAME;
    }
}
