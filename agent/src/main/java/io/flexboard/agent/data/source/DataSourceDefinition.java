package io.flexboard.agent.data.source;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One entry of {@code datasources.yml}, its {@code ${ENV}} secrets already resolved. Equal definitions
 * mean an unchanged data source: a reload keeps its open connector.
 *
 * @param id            what widgets name in {@code dataSource.connection}
 * @param name          a label for people
 * @param type          which connector reads it
 * @param connection    where and as whom
 * @param options       ssl, timeout and pool size, defaults filled in
 * @param baseDirectory the directory of {@code datasources.yml}: relative paths (a CSV directory) start there
 */
public record DataSourceDefinition(
        String id,
        String name,
        DataSourceType type,
        ConnectionSettings connection,
        Options options,
        Path baseDirectory) {

    /**
     * The roadmap's {@code connection} block; fields a type does not use are null.
     *
     * @param url for rest_api the base URL; for mongodb the connection string; for csv/excel the directory
     *            holding the files; for JDBC types an optional full JDBC URL that replaces host/port/database
     */
    public record ConnectionSettings(
            String host,
            Integer port,
            String database,
            String username,
            String password,
            String url,
            String apiKey,
            Map<String, String> headers) {

        public ConnectionSettings {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        /** Never the password, API key or header values: a definition may end up in a log line. */
        @Override
        public String toString() {
            return "ConnectionSettings[host=" + host + ", port=" + port + ", database=" + database + ", username="
                    + username + ", password=" + (password == null ? null : "***") + ", url=" + (url == null ? null : "***")
                    + ", apiKey=" + (apiKey == null ? null : "***") + ", headers=" + headers.keySet() + "]";
        }
    }

    /**
     * @param ssl      encrypt the connection (JDBC: the driver's TLS setting; REST: an https url is required)
     * @param timeout  connect and query timeout (the YAML's {@code timeout} is in milliseconds)
     * @param poolSize the most connections held open at once (JDBC, MongoDB)
     */
    public record Options(boolean ssl, Duration timeout, int poolSize) {

        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
        public static final int DEFAULT_POOL_SIZE = 5;
    }

    /**
     * Every secret value of this entry (password, API key, secret-looking header values and credentials in
     * a URL), so that error messages can be scrubbed of them whatever a driver chose to echo.
     */
    public Set<String> secrets() {
        Set<String> secrets = new LinkedHashSet<>();
        Stream.of(connection.password(), connection.apiKey())
                .filter(value -> value != null && !value.isEmpty())
                .forEach(secrets::add);
        connection.headers().values().stream().filter(value -> value != null && value.length() >= 4).forEach(secrets::add);
        if (connection.url() != null) {
            String url = connection.url();
            int scheme = url.indexOf("://");
            int at = url.indexOf('@', Math.max(scheme, 0));
            if (scheme >= 0 && at > scheme) {
                String userInfo = url.substring(scheme + 3, at);
                int colon = userInfo.indexOf(':');
                if (colon >= 0 && colon + 1 < userInfo.length()) {
                    secrets.add(userInfo.substring(colon + 1));
                }
            }
        }
        return secrets;
    }
}
