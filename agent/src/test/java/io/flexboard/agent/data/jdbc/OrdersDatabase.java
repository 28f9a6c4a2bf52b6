package io.flexboard.agent.data.jdbc;

import io.flexboard.agent.data.source.DataSourceDefinition;
import io.flexboard.agent.data.source.DataSourceType;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A real database with an {@code orders} table on the machine's PostgreSQL or MariaDB, named with
 * FLEXBOARD_TEST_DB_SUFFIX so that two checkouts never share it. Twelve orders: three months, four regions.
 */
enum OrdersDatabase {
    POSTGRESQL(DataSourceType.POSTGRESQL, 5432, "postgres", "jdbc:postgresql://127.0.0.1:5432/", "postgres",
            "numeric(10,2)", "boolean", "double precision"),
    MARIADB(DataSourceType.MYSQL, 3306, "root", "jdbc:mariadb://127.0.0.1:3306/", "",
            "decimal(10,2)", "boolean", "double");

    static final String NAME = "flexboard_agent_data" + System.getenv().getOrDefault("FLEXBOARD_TEST_DB_SUFFIX", "");
    static final String[] REGIONS = {"North", "East", "South", "West"};
    static final int ORDERS = 12;

    private final DataSourceType type;
    private final int port;
    private final String user;
    private final String serverUrl;
    private final String adminDatabase;
    private final String decimalType;
    private final String booleanType;
    private final String doubleType;

    OrdersDatabase(DataSourceType type, int port, String user, String serverUrl, String adminDatabase,
                   String decimalType, String booleanType, String doubleType) {
        this.type = type;
        this.port = port;
        this.user = user;
        this.serverUrl = serverUrl;
        this.adminDatabase = adminDatabase;
        this.decimalType = decimalType;
        this.booleanType = booleanType;
        this.doubleType = doubleType;
    }

    /** Drops and recreates the database with its seeded orders. */
    void create() throws SQLException {
        try (Connection admin = DriverManager.getConnection(serverUrl + adminDatabase, user, "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + NAME + (this == POSTGRESQL ? " WITH (FORCE)" : ""));
            statement.execute("CREATE DATABASE " + NAME);
        }
        try (Connection connection = owner(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders (id integer PRIMARY KEY, region varchar(20) NOT NULL,"
                    + " month char(7) NOT NULL, order_date date NOT NULL, amount " + decimalType + " NOT NULL,"
                    + " paid " + booleanType + " NOT NULL, created_at timestamp NOT NULL, ratio " + doubleType + ","
                    + " note varchar(200))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int id = 1; id <= ORDERS; id++) {
                    int month = 1 + (id - 1) / 4;
                    insert.setInt(1, id);
                    insert.setString(2, region(id));
                    insert.setString(3, "2024-0" + month);
                    insert.setObject(4, LocalDate.of(2024, month, id));
                    insert.setBigDecimal(5, amount(id));
                    insert.setBoolean(6, id % 2 == 0);
                    insert.setObject(7, LocalDateTime.of(2024, month, id, 10, 0, id));
                    insert.setDouble(8, id / 4.0);
                    insert.setString(9, id == 1 ? null : "order " + id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    static String region(int id) {
        return REGIONS[id % REGIONS.length];
    }

    static BigDecimal amount(int id) {
        return new BigDecimal(id).multiply(new BigDecimal("10.25")).setScale(2);
    }

    /** The data source entry an agent would read it with. */
    DataSourceDefinition definition(Duration timeout, int poolSize) {
        return DataSources.entry("orders-" + name().toLowerCase(), type, "127.0.0.1", port, NAME, user, "", timeout, poolSize);
    }

    /** A connection with every right, to look behind the connector's back. */
    Connection owner() throws SQLException {
        return DriverManager.getConnection(serverUrl + NAME, user, "");
    }

    long count(String sql) throws SQLException {
        try (Connection connection = owner(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    long orders() throws SQLException {
        return count("SELECT COUNT(*) FROM orders");
    }

    /** Sessions the agent holds open on this database, as the server sees them. */
    long agentSessions() throws SQLException {
        return this == POSTGRESQL
                ? count("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '" + NAME + "' AND application_name = 'flexboard-agent'")
                // The owner's own session is in the list too.
                : count("SELECT COUNT(*) - 1 FROM information_schema.PROCESSLIST WHERE DB = '" + NAME + "'");
    }

    /** A statement that runs for five seconds. */
    String sleepFiveSeconds() {
        return this == POSTGRESQL ? "SELECT pg_sleep(5)" : "SELECT SLEEP(5)";
    }
}
