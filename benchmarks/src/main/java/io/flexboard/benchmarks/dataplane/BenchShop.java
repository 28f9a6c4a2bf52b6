package io.flexboard.benchmarks.dataplane;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The customer's database of the data-plane benchmark: a PostgreSQL database with an {@code orders} table
 * (order_date, region, total_amount) and a {@code sales} view over it, which the widgets read through the
 * agent. Created fresh on the server of {@code --customer-db} (loopback only: the harness drops it again)
 * and dropped at the end.
 */
final class BenchShop {

    /** The regions of the orders; the select filter's options. */
    static final String[] REGIONS = {"North", "South", "East", "West"};

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String database;

    /**
     * @param serverUrl a JDBC URL of a database on the server it may write ({@code jdbc:postgresql://127.0.0.1:5432/postgres})
     * @param database  the database it creates there, dropped first if it exists
     */
    BenchShop(String serverUrl, String user, String password, String database) {
        URI server = URI.create(serverUrl.replaceFirst("^jdbc:", ""));
        if (!"postgresql".equals(server.getScheme()) || server.getHost() == null) {
            throw new IllegalArgumentException("--customer-db must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), not " + server.getScheme());
        }
        if (!server.getHost().matches("localhost|127\\.0\\.0\\.1|\\[?::1]?")) {
            throw new IllegalArgumentException("The benchmark creates and drops a database on the loopback interface only, not on " + server.getHost());
        }
        if (!database.matches("flexboard_bench[a-z0-9_]*")) {
            // It is dropped without asking: a name of the benchmark's own, never a customer's database.
            throw new IllegalArgumentException("The shop database's name must start with flexboard_bench (lower case, digits, _), got " + database);
        }
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.database = database;
    }

    String host() {
        return URI.create(serverUrl.replaceFirst("^jdbc:", "")).getHost();
    }

    int port() {
        int port = URI.create(serverUrl.replaceFirst("^jdbc:", "")).getPort();
        return port == -1 ? 5432 : port;
    }

    String database() {
        return database;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** Drops and creates the database with {@code orders} rows over the last two years, evenly over the regions. */
    void create(int orders) throws SQLException {
        try (Connection server = connect(serverUrl); Statement statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
        try (Connection shop = connect(shopUrl()); Statement statement = shop.createStatement()) {
            statement.execute("CREATE TABLE orders (order_id bigint PRIMARY KEY, order_date date NOT NULL, region text NOT NULL,"
                    + " total_amount numeric(12,2) NOT NULL)");
            // Deterministic rows (no random()), so two runs read the same data.
            statement.execute("INSERT INTO orders SELECT i, current_date - (i % 730), (ARRAY['" + String.join("','", REGIONS) + "'])[1 + i % "
                    + REGIONS.length + "], ((i::bigint * 7919) % 100000) / 100.0 FROM generate_series(1, " + orders + ") AS i");
            statement.execute("CREATE INDEX orders_by_date ON orders (order_date)");
            statement.execute("CREATE VIEW sales AS SELECT order_id, order_date, region, total_amount FROM orders");
            statement.execute("ANALYZE orders");
        }
    }

    /** Drops the database; the agent's pools must be closed first (FORCE ends any session left). */
    void drop() throws SQLException {
        try (Connection server = connect(serverUrl); Statement statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private String shopUrl() {
        String base = serverUrl.split("\\?", 2)[0];
        return base.substring(0, base.lastIndexOf('/') + 1) + database;
    }

    private Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(url, properties);
    }
}
