package io.flexboard.infra.local.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.springframework.boot.convert.DurationStyle;

/**
 * The local stack's settings: environment variables, each overridable by a system property of the
 * same name ({@code -DFLEXBOARD_PORT=9090}) or its dotted lower-case form ({@code -Dflexboard.port=9090}).
 *
 * @param port          the router's public port; 0 picks a free one (tests)
 * @param bindAddress   the address the router listens on
 * @param dataDir       where PostgreSQL, Kafka, the admin token and the chosen ports live
 * @param adminToken    the builder's bearer token; empty = read or generate {@code <data dir>/admin-token}
 * @param databaseUrl   an external PostgreSQL JDBC URL; empty = embedded PostgreSQL in the data dir
 * @param databaseUser     user for {@code databaseUrl}
 * @param databasePassword password for {@code databaseUrl}
 * @param routerLimits  the router's timeouts and header limits ({@code FLEXBOARD_ROUTER_*})
 */
public record Settings(
        int port,
        String bindAddress,
        Path dataDir,
        Optional<String> adminToken,
        Optional<String> databaseUrl,
        String databaseUser,
        String databasePassword,
        RouterLimits routerLimits) {

    public static final int DEFAULT_PORT = 8080;

    public Settings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("FLEXBOARD_PORT must be between 0 and 65535, was " + port);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        adminToken = adminToken.filter(token -> !token.isBlank());
        databaseUrl = databaseUrl.filter(url -> !url.isBlank());
        routerLimits = routerLimits == null ? RouterLimits.DEFAULTS : routerLimits;
    }

    /** Settings from this process's environment and system properties. */
    public static Settings fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    /** Settings from the given environment, each value overridable by a system property. */
    public static Settings from(Map<String, String> environment, Properties systemProperties) {
        Lookup lookup = new Lookup(environment, systemProperties);
        String port = lookup.get("FLEXBOARD_PORT").orElse(String.valueOf(DEFAULT_PORT));
        try {
            return new Settings(
                    Integer.parseInt(port.trim()),
                    lookup.get("FLEXBOARD_BIND_ADDRESS").orElse("127.0.0.1"),
                    Path.of(lookup.get("FLEXBOARD_DATA_DIR").orElse("./data")),
                    lookup.get("FLEXBOARD_ADMIN_TOKEN"),
                    lookup.get("FLEXBOARD_DB_URL"),
                    lookup.get("FLEXBOARD_DB_USER").orElse("postgres"),
                    lookup.get("FLEXBOARD_DB_PASSWORD").orElse(""),
                    routerLimits(lookup));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("FLEXBOARD_PORT is not a number: " + port, e);
        }
    }

    private static RouterLimits routerLimits(Lookup lookup) {
        RouterLimits defaults = RouterLimits.DEFAULTS;
        return new RouterLimits(
                lookup.duration("FLEXBOARD_ROUTER_IDLE_TIMEOUT", defaults.idleTimeout()),
                lookup.duration("FLEXBOARD_ROUTER_HEAD_TIMEOUT", defaults.headTimeout()),
                lookup.duration("FLEXBOARD_ROUTER_BODY_TIMEOUT", defaults.bodyTimeout()),
                lookup.bytes("FLEXBOARD_ROUTER_MAX_HEADER_SIZE", defaults.maxHeaderSize()),
                lookup.bytes("FLEXBOARD_ROUTER_MAX_INITIAL_LINE_LENGTH", defaults.maxInitialLineLength()));
    }

    /** Settings for tests: a free port, the given data dir, embedded PostgreSQL. */
    public static Settings forTest(Path dataDir, String adminToken) {
        return new Settings(0, "127.0.0.1", dataDir, Optional.of(adminToken), Optional.empty(), "postgres", "", RouterLimits.DEFAULTS);
    }

    /** The same settings on another router port (tests that restart the stack where clients expect it). */
    public Settings withPort(int routerPort) {
        return new Settings(routerPort, bindAddress, dataDir, adminToken, databaseUrl, databaseUser, databasePassword, routerLimits);
    }

    /** The same settings with other router limits (tests use short timeouts). */
    public Settings withRouterLimits(RouterLimits limits) {
        return new Settings(port, bindAddress, dataDir, adminToken, databaseUrl, databaseUser, databasePassword, limits);
    }

    public Settings withDatabase(String jdbcUrl, String user, String password) {
        return new Settings(port, bindAddress, dataDir, adminToken, Optional.of(jdbcUrl), user, password, routerLimits);
    }

    /** The settings as they may be logged: the admin token and database password masked, the URL redacted. */
    @Override
    public String toString() {
        return "Settings[port=" + port + ", bindAddress=" + bindAddress + ", dataDir=" + dataDir
                + ", adminToken=" + Redacted.secret(adminToken.orElse(null))
                + ", databaseUrl=" + databaseUrl.map(Redacted::url).orElse("(embedded)")
                + ", databaseUser=" + databaseUser + ", databasePassword=" + Redacted.secret(databasePassword)
                + ", routerLimits=" + routerLimits + "]";
    }

    private record Lookup(Map<String, String> environment, Properties systemProperties) {
        Optional<String> get(String name) {
            String dotted = name.toLowerCase().replace('_', '.');
            String value = systemProperties.getProperty(name, systemProperties.getProperty(dotted, environment.get(name)));
            return Optional.ofNullable(value).filter(v -> !v.isBlank());
        }

        /** {@code 10s}, {@code 500ms}, {@code 2m} or ISO-8601 ({@code PT10S}); a bare number is milliseconds. */
        Duration duration(String name, Duration fallback) {
            Optional<String> value = get(name);
            try {
                return value.map(v -> DurationStyle.detectAndParse(v.trim())).orElse(fallback);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " is not a duration (10s, 500ms): " + value.get(), e);
            }
        }

        int bytes(String name, int fallback) {
            Optional<String> value = get(name);
            try {
                return value.map(v -> Integer.parseInt(v.trim())).orElse(fallback);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " is not a number of bytes: " + value.get(), e);
            }
        }
    }
}
