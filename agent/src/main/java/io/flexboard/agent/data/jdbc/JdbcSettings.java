package io.flexboard.agent.data.jdbc;

import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.source.DataSourceDefinition;
import io.flexboard.agent.data.source.DataSourceDefinition.Options;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How to connect to one JDBC data source: the URL, the driver's properties and the pool's limits, built from
 * its {@code datasources.yml} entry without contacting the database. The credentials go to the pool, never
 * into the URL, and {@link #toString()} leaves the password out.
 *
 * @param url        the JDBC URL: host, port and database only (or the entry's own {@code connection.url})
 * @param properties the driver's properties: timeouts, TLS, read-only mode, application name
 * @param target     {@code host:port}, the words error messages use for the server
 */
record JdbcSettings(
        String id,
        JdbcDialect dialect,
        String url,
        Map<String, String> properties,
        String username,
        String password,
        Duration timeout,
        int poolSize,
        String target) {

    static final String APPLICATION_NAME = "flexboard-agent";

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]");
    // Characters that end or extend a URL's path: a database name holding them would change the URL's meaning.
    private static final Pattern DATABASE = Pattern.compile("[^/\\\\?;&=#@%:,\\s]+");

    JdbcSettings {
        properties = Map.copyOf(properties);
    }

    static JdbcSettings of(DataSourceDefinition definition) throws ConnectorException {
        JdbcDialect dialect = JdbcDialect.of(definition.type());
        DataSourceDefinition.ConnectionSettings connection = definition.connection();
        Options options = definition.options();
        Duration timeout = options.timeout() == null ? Options.DEFAULT_TIMEOUT : options.timeout();
        int poolSize = options.poolSize() > 0 ? options.poolSize() : Options.DEFAULT_POOL_SIZE;
        String url;
        String target;
        String database = null;
        if (connection.url() != null && !connection.url().isBlank()) {
            url = givenUrl(definition, dialect, connection.url().strip());
            target = targetOf(url);
        } else {
            String host = connection.host();
            if (host == null || !HOST.matcher(host).matches()) {
                throw misconfigured(definition, host == null ? "connection.host (or connection.url) is missing"
                        : "connection.host is not a host name or address");
            }
            int port = connection.port() == null ? dialect.defaultPort() : connection.port();
            if (port < 1 || port > 65535) {
                throw misconfigured(definition, "connection.port " + port + " is not between 1 and 65535");
            }
            database = connection.database();
            if (database != null && !DATABASE.matcher(database).matches()) {
                throw misconfigured(definition, "connection.database holds a character a JDBC URL reads as syntax;"
                        + " write the whole connection.url instead");
            }
            target = host + ":" + port;
            url = switch (dialect) {
                // T-SQL's database goes in a property: a name is never parsed as more URL.
                case SQLSERVER -> "jdbc:sqlserver://" + target;
                case POSTGRESQL, MYSQL -> dialect.scheme() + "//" + target + "/" + (database == null ? "" : database);
            };
        }
        return new JdbcSettings(definition.id(), dialect, url,
                DriverProperties.of(dialect, options.ssl(), timeout, database),
                connection.username(), connection.password(), timeout, poolSize, target);
    }

    /** The statement timeout, in the whole seconds JDBC takes: rounded up, at least 1. */
    int queryTimeoutSeconds() {
        return wholeSeconds(timeout);
    }

    static int wholeSeconds(Duration duration) {
        return (int) Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    @Override
    public String toString() {
        return "JdbcSettings[" + id + ", " + url + ", user " + username + ", " + properties + "]";
    }

    private static String givenUrl(DataSourceDefinition definition, JdbcDialect dialect, String url) throws ConnectorException {
        String lower = url.toLowerCase(Locale.ROOT);
        if (dialect == JdbcDialect.MYSQL && lower.startsWith("jdbc:mysql:")) {
            // Connector/J takes jdbc:mysql: only with an extra flag; it is the same server protocol.
            return dialect.scheme() + url.substring("jdbc:mysql:".length());
        }
        if (!lower.startsWith(dialect.scheme())) {
            throw misconfigured(definition, "connection.url must start with " + dialect.scheme() + " for type "
                    + definition.type().yamlName());
        }
        return url;
    }

    /** {@code host:port} out of a JDBC URL, leaving out any user information. */
    private static String targetOf(String url) {
        int authority = url.indexOf("//");
        if (authority < 0) {
            // jdbc:postgresql:sales names a database on the local server.
            return "localhost";
        }
        int end = authority + 2;
        while (end < url.length() && "/;?".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String hostAndPort = url.substring(authority + 2, end);
        return hostAndPort.substring(hostAndPort.lastIndexOf('@') + 1);
    }

    private static ConnectorException misconfigured(DataSourceDefinition definition, String why) {
        return new ConnectorException(ConnectorException.Failure.REFUSED, "data source '" + definition.id() + "': " + why);
    }
}
