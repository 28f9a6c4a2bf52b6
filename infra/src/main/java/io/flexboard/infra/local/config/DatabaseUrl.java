package io.flexboard.infra.local.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where PostgreSQL is, as a JDBC URL (what command-api and Flyway read) and the same place as an
 * R2DBC URL (what the read side reads).
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    private static final String JDBC_PREFIX = "jdbc:postgresql:";
    private static final int DEFAULT_PORT = 5432;
    /** JDBC parameters that mean the same thing to r2dbc-postgresql; the others are dropped. */
    private static final Set<String> SHARED_PARAMETERS = Set.of("sslmode", "applicationName", "connectTimeout");

    public DatabaseUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith(JDBC_PREFIX)) {
            throw new IllegalArgumentException("FLEXBOARD_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), was "
                    + Redacted.url(jdbcUrl));
        }
        user = user == null ? "postgres" : user;
        password = password == null ? "" : password;
    }

    public static DatabaseUrl of(String host, int port, String database, String user, String password) {
        return new DatabaseUrl("jdbc:postgresql://" + host + ":" + port + "/" + database, user, password);
    }

    /** {@code jdbc:postgresql://host:port/db?sslmode=…} as {@code r2dbc:postgresql://host:port/db?sslmode=…}. */
    public String r2dbcUrl() {
        String rest = jdbcUrl.substring(JDBC_PREFIX.length());
        if (!rest.startsWith("//")) {
            // jdbc:postgresql:database means localhost:5432
            return "r2dbc:postgresql://localhost:" + DEFAULT_PORT + "/" + rest.split("\\?", 2)[0] + sharedQuery(query(rest));
        }
        URI uri;
        try {
            uri = new URI("postgresql:" + rest);
        } catch (URISyntaxException e) {
            // not chained: the exception's message repeats the whole URL, password included
            throw new IllegalArgumentException("FLEXBOARD_DB_URL is not a valid URL (" + e.getReason() + "): " + Redacted.url(jdbcUrl));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("Only a single host is supported in FLEXBOARD_DB_URL: " + Redacted.url(jdbcUrl));
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return "r2dbc:postgresql://" + uri.getHost() + ":" + port + path + sharedQuery(uri.getRawQuery());
    }

    /** The same server's maintenance database, to create ours when it is missing. */
    public DatabaseUrl withDatabase(String database) {
        String base = jdbcUrl.split("\\?", 2)[0];
        return new DatabaseUrl(base.substring(0, base.lastIndexOf('/') + 1) + database, user, password);
    }

    /** The database name in the URL. */
    public String database() {
        String base = jdbcUrl.split("\\?", 2)[0];
        return base.substring(base.lastIndexOf(base.contains("/") ? '/' : ':') + 1);
    }

    private static String query(String rest) {
        String[] parts = rest.split("\\?", 2);
        return parts.length == 2 ? parts[1] : null;
    }

    private static String sharedQuery(String query) {
        if (query == null || query.isBlank()) {
            return "";
        }
        String kept = Arrays.stream(query.split("&"))
                .filter(pair -> SHARED_PARAMETERS.contains(pair.split("=", 2)[0]))
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? "" : "?" + kept;
    }

    /** Where, for logs: the URL's own password parameters masked, the separate password never shown. */
    @Override
    public String toString() {
        return Redacted.url(jdbcUrl) + " (user " + user + ")";
    }
}
