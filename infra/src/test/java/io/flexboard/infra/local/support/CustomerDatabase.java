package io.flexboard.infra.local.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A customer's own database for the agent's data plane to read, made afresh in the machine's PostgreSQL
 * (127.0.0.1:5432, user postgres, trust) — not the local stack's embedded one: the agent reads data the
 * control plane never sees.
 */
public final class CustomerDatabase {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private CustomerDatabase() {
    }

    /** {@code base} with FLEXBOARD_TEST_DB_SUFFIX, so two checkouts testing at once never share a database. */
    public static String name(String base) {
        return base + System.getenv().getOrDefault("FLEXBOARD_TEST_DB_SUFFIX", "");
    }

    /** Drops and creates {@code database}, then runs {@code statements} in it (tables and rows). */
    public static void recreate(String database, String... statements) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
        try (Connection shop = DriverManager.getConnection(SERVER + database, "postgres", "");
             Statement statement = shop.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
