package io.flexboard.agent.data.jdbc;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The driver properties each dialect needs for TLS, timeouts, a name in the server's session list, and reading only. */
final class DriverProperties {

    /**
     * The statement timeout cancels a slow query and keeps the connection; the socket timeout is the backstop
     * for a server that went silent, so it fires this much later.
     */
    static final Duration SOCKET_GRACE = Duration.ofSeconds(5);

    private DriverProperties() {
    }

    /** @param database for SQL Server, the database (it goes in a property, not the URL); null otherwise */
    static Map<String, String> of(JdbcDialect dialect, boolean ssl, Duration timeout, String database) {
        String seconds = String.valueOf(JdbcSettings.wholeSeconds(timeout));
        Duration socketTimeout = Duration.ofSeconds(JdbcSettings.wholeSeconds(timeout)).plus(SOCKET_GRACE);
        Map<String, String> properties = new LinkedHashMap<>();
        switch (dialect) {
            case SQLSERVER -> {
                if (database != null) {
                    properties.put("databaseName", database);
                }
                properties.put("encrypt", String.valueOf(ssl));
                if (ssl) {
                    properties.put("trustServerCertificate", "false");
                }
                properties.put("loginTimeout", seconds);
                properties.put("queryTimeout", seconds);
                properties.put("socketTimeout", String.valueOf(socketTimeout.toMillis()));
                properties.put("applicationName", JdbcSettings.APPLICATION_NAME);
                // Routes to a readable secondary where an availability group has one; SQL Server has no
                // read-only session, so every read there also runs in a transaction that is rolled back.
                properties.put("applicationIntent", "ReadOnly");
            }
            case POSTGRESQL -> {
                if (ssl) {
                    properties.put("ssl", "true");
                    properties.put("sslmode", "verify-full");
                } else {
                    properties.put("sslmode", "disable");
                }
                properties.put("connectTimeout", seconds);
                properties.put("loginTimeout", seconds);
                properties.put("socketTimeout", String.valueOf(socketTimeout.toSeconds()));
                properties.put("ApplicationName", JdbcSettings.APPLICATION_NAME);
                // "always": statements in autocommit run read-only too, not only explicit transactions.
                properties.put("readOnly", "true");
                properties.put("readOnlyMode", "always");
                // A filter value is bound as text; "unspecified" lets the server cast it to the column's type.
                properties.put("stringtype", "unspecified");
                // The server side of the same promise, and the literal rules the statement check assumes
                // (a backslash in '…' is a plain character).
                properties.put("options", "-c default_transaction_read_only=on -c standard_conforming_strings=on");
            }
            case MYSQL -> {
                properties.put("connectionAttributes", "program_name:" + JdbcSettings.APPLICATION_NAME);
                properties.put("sslMode", ssl ? "verify-full" : "disable");
                properties.put("connectTimeout", String.valueOf(Math.max(1, timeout.toMillis())));
                properties.put("socketTimeout", String.valueOf(socketTimeout.toMillis()));
                // Values travel as parameters of a server-side prepared statement, never as escaped SQL text.
                properties.put("useServerPrepStmts", "true");
            }
        }
        return properties;
    }
}
