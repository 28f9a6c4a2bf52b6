package io.flexboard.agent.settings;

import io.flexboard.agent.access.PasswordHash;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Everything the agent is told from outside, read once at start.
 *
 * @param controlPlaneUrl    base URL of the control plane ({@code CONTROL_PLANE_URL})
 * @param apiKey             the tenant's API key ({@code AGENT_API_KEY})
 * @param tenantId           the tenant this installation belongs to ({@code TENANT_ID})
 * @param dataDir            where current.json, previous.json, status.json and agent-id live ({@code AGENT_DATA_DIR})
 * @param agentId            an explicit agent id ({@code AGENT_ID}); otherwise one is generated once per data dir
 * @param waitSeconds        how long the bridge may hold a sync open ({@code AGENT_WAIT_SECONDS})
 * @param httpPort           the local serving port on {@code httpHost}, 0 for any free one ({@code AGENT_HTTP_PORT})
 * @param fullResyncInterval how often the whole published configuration is fetched again ({@code AGENT_FULL_RESYNC_INTERVAL})
 * @param allowedHosts       host names besides the loopback ones the local server answers to ({@code AGENT_ALLOWED_HOSTS})
 * @param maxRetryAfter      the longest {@code Retry-After} honoured; longer ones are cut to it ({@code AGENT_MAX_RETRY_AFTER})
 * @param dataSourcesFile    the customer's data sources, on this machine only ({@code AGENT_DATA_SOURCES_FILE})
 * @param dataMaxRows        the most rows one widget read returns ({@code AGENT_DATA_MAX_ROWS})
 * @param httpHost           the address the local server binds, loopback unless told otherwise ({@code AGENT_HTTP_HOST})
 * @param viewerPassword     the viewer credential's hash ({@code AGENT_VIEWER_PASSWORD_HASH}); required beyond loopback
 */
public record AgentSettings(
        URI controlPlaneUrl,
        String apiKey,
        String tenantId,
        Path dataDir,
        Optional<String> agentId,
        int waitSeconds,
        int httpPort,
        Duration fullResyncInterval,
        Set<String> allowedHosts,
        Duration maxRetryAfter,
        Path dataSourcesFile,
        int dataMaxRows,
        InetAddress httpHost,
        Optional<PasswordHash> viewerPassword) {

    public static final String CONTROL_PLANE_URL = "CONTROL_PLANE_URL";
    public static final String AGENT_API_KEY = "AGENT_API_KEY";
    public static final String TENANT_ID = "TENANT_ID";
    public static final String AGENT_DATA_DIR = "AGENT_DATA_DIR";
    public static final String AGENT_ID = "AGENT_ID";
    public static final String AGENT_WAIT_SECONDS = "AGENT_WAIT_SECONDS";
    public static final String AGENT_HTTP_PORT = "AGENT_HTTP_PORT";
    public static final String AGENT_FULL_RESYNC_INTERVAL = "AGENT_FULL_RESYNC_INTERVAL";
    public static final String AGENT_ALLOWED_HOSTS = "AGENT_ALLOWED_HOSTS";
    public static final String AGENT_MAX_RETRY_AFTER = "AGENT_MAX_RETRY_AFTER";
    public static final String AGENT_DATA_SOURCES_FILE = "AGENT_DATA_SOURCES_FILE";
    public static final String AGENT_DATA_MAX_ROWS = "AGENT_DATA_MAX_ROWS";
    public static final String AGENT_HTTP_HOST = "AGENT_HTTP_HOST";
    public static final String AGENT_VIEWER_PASSWORD_HASH = "AGENT_VIEWER_PASSWORD_HASH";

    /** The bridge holds a sync at most this long; more would only tie up a connection. */
    static final int MAX_WAIT_SECONDS = 300;

    /**
     * Reads the settings through {@code lookup} (variable name to value, {@code null} when unset).
     *
     * @throws InvalidSettingException naming the first variable that is missing or unreadable
     */
    public static AgentSettings from(UnaryOperator<String> lookup) {
        Path dataDir = dataDir(lookup);
        InetAddress httpHost = httpHost(lookup);
        Optional<PasswordHash> viewerPassword = viewerPassword(lookup);
        if (!httpHost.isLoopbackAddress() && viewerPassword.isEmpty()) {
            // Never open on the LAN by default: the viewer shows the customer's rows to whoever reaches it.
            throw new InvalidSettingException(AGENT_VIEWER_PASSWORD_HASH, "is required when AGENT_HTTP_HOST binds beyond loopback ("
                    + httpHost.getHostAddress() + "); print one with `java -jar flexboard-agent.jar hash-password`");
        }
        return new AgentSettings(
                controlPlaneUrl(required(lookup, CONTROL_PLANE_URL)),
                required(lookup, AGENT_API_KEY),
                tenantId(required(lookup, TENANT_ID)),
                dataDir,
                agentId(lookup),
                intIn(lookup, AGENT_WAIT_SECONDS, 50, 0, MAX_WAIT_SECONDS),
                intIn(lookup, AGENT_HTTP_PORT, 8090, 0, 65535),
                duration(lookup, AGENT_FULL_RESYNC_INTERVAL, Duration.ofHours(1)),
                allowedHosts(lookup),
                duration(lookup, AGENT_MAX_RETRY_AFTER, Duration.ofMinutes(5)),
                optional(lookup, AGENT_DATA_SOURCES_FILE).map(Path::of).orElse(dataDir.resolve("datasources.yml"))
                        .toAbsolutePath().normalize(),
                intIn(lookup, AGENT_DATA_MAX_ROWS, 10_000, 1, 1_000_000),
                httpHost,
                viewerPassword);
    }

    /**
     * An IP address, or a name this machine resolves (a LAN name in /etc/hosts); 127.0.0.1 when unset.
     * Literals only of address characters, so a typo is named rather than sent to DNS as something else.
     */
    private static InetAddress httpHost(UnaryOperator<String> lookup) {
        Optional<String> value = optional(lookup, AGENT_HTTP_HOST);
        if (value.isEmpty()) {
            return InetAddress.getLoopbackAddress();
        }
        String host = value.get();
        if (!host.matches("[A-Za-z0-9.:-]{1,253}")) {
            throw new InvalidSettingException(AGENT_HTTP_HOST, "must be an IP address such as 0.0.0.0 or 192.168.1.20, or a host name, got '" + host + "'");
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidSettingException(AGENT_HTTP_HOST, "names no address this machine knows: '" + host + "'");
        }
    }

    private static Optional<PasswordHash> viewerPassword(UnaryOperator<String> lookup) {
        Optional<String> value = optional(lookup, AGENT_VIEWER_PASSWORD_HASH);
        try {
            return value.map(PasswordHash::parse);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(AGENT_VIEWER_PASSWORD_HASH, e.getMessage());
        }
    }

    /** Only the data directory: the {@code status} command needs nothing else. */
    public static Path dataDir(UnaryOperator<String> lookup) {
        return Path.of(optional(lookup, AGENT_DATA_DIR).orElse("./flexboard-agent-data")).toAbsolutePath().normalize();
    }

    private static String required(UnaryOperator<String> lookup, String variable) {
        return optional(lookup, variable).orElseThrow(() -> new InvalidSettingException(variable, "is required but not set"));
    }

    private static Optional<String> optional(UnaryOperator<String> lookup, String variable) {
        return Optional.ofNullable(lookup.apply(variable)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static URI controlPlaneUrl(String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidSettingException(CONTROL_PLANE_URL, "must be an http(s) URL such as https://flexboard.example.com, got '" + value + "'");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new InvalidSettingException(CONTROL_PLANE_URL, "is not a URL: " + e.getMessage());
        }
    }

    /** The bridge accepts agent ids of this shape only; anything else would turn every sync into a 400. */
    private static Optional<String> agentId(UnaryOperator<String> lookup) {
        Optional<String> value = optional(lookup, AGENT_ID);
        if (value.isPresent() && !value.get().matches("[A-Za-z0-9._:@-]{1,128}")) {
            throw new InvalidSettingException(AGENT_ID, "must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -, got '" + value.get() + "'");
        }
        return value;
    }

    /** Comma-separated DNS names (letters, digits, dots, hyphens), compared case-insensitively. */
    private static Set<String> allowedHosts(UnaryOperator<String> lookup) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : optional(lookup, AGENT_ALLOWED_HOSTS).orElse("").split(",")) {
            String host = name.strip().toLowerCase(Locale.ROOT);
            if (host.isEmpty()) {
                continue;
            }
            if (!host.matches("[a-z0-9.-]{1,253}")) {
                throw new InvalidSettingException(AGENT_ALLOWED_HOSTS, "must be comma-separated host names without port, got '" + name.strip() + "'");
            }
            names.add(host);
        }
        return Set.copyOf(names);
    }

    private static String tenantId(String value) {
        try {
            // The bridge refuses a tenant id that is not a UUID; saying so here beats a 400 on every sync.
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(TENANT_ID, "must be the tenant's UUID, got '" + value + "'");
        }
    }

    private static int intIn(UnaryOperator<String> lookup, String variable, int fallback, int min, int max) {
        Optional<String> value = optional(lookup, variable);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw new InvalidSettingException(variable, "must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(variable, "must be a whole number, got '" + value.get() + "'");
        }
    }

    /** Accepts {@code 90} (seconds), {@code 90s}, {@code 30m}, {@code 1h}, {@code 2d} or ISO-8601 {@code PT1H}. */
    private static Duration duration(UnaryOperator<String> lookup, String variable, Duration fallback) {
        Optional<String> value = optional(lookup, variable);
        if (value.isEmpty()) {
            return fallback;
        }
        String text = value.get().toLowerCase(Locale.ROOT);
        try {
            Duration parsed;
            if (text.startsWith("p")) {
                parsed = Duration.parse(text.toUpperCase(Locale.ROOT));
            } else if (text.chars().allMatch(Character::isDigit)) {
                parsed = Duration.ofSeconds(Long.parseLong(text));
            } else {
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                parsed = switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    case 'd' -> Duration.ofDays(amount);
                    default -> throw new NumberFormatException();
                };
            }
            if (parsed.isNegative() || parsed.isZero()) {
                throw new InvalidSettingException(variable, "must be positive, got '" + value.get() + "'");
            }
            return parsed;
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new InvalidSettingException(variable, "must be a duration such as 90s, 30m, 1h or PT1H, got '" + value.get() + "'");
        }
    }
}
