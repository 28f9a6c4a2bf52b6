package io.flexboard.infra.local.services;

import io.flexboard.infra.local.config.DatabaseUrl;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spring properties each service reads (docs/contracts.md), derived from the local stack's
 * settings. They are passed as command-line arguments so they win over the service's own
 * {@code application.yml} defaults (which point at 127.0.0.1:5432 and localhost:9092).
 */
public record ServiceProperties(DatabaseUrl database, String kafkaBootstrapServers, String adminToken, Path jwtKeyFile) {

    /** Without sign-in: the services accept only the admin token. */
    public ServiceProperties(DatabaseUrl database, String kafkaBootstrapServers, String adminToken) {
        this(database, kafkaBootstrapServers, adminToken, null);
    }

    /** The properties for one service's context, given the auto-configurations it must not get. */
    public Map<String, Object> forService(Service service, AutoConfigurations autoConfigurations) {
        Map<String, Object> properties = new LinkedHashMap<>();
        // Each context serves on its own ephemeral port; the public port is the router's.
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        // Four contexts in one JVM would register clashing MBean names.
        properties.put("spring.jmx.enabled", "false");
        properties.put("spring.main.banner-mode", "off");
        // Boot would log "Starting LocalStack" for each context (it names the JVM's main class).
        properties.put("spring.main.log-startup-info", "false");
        // The local stack closes the contexts itself, in order, before Kafka and PostgreSQL.
        properties.put("spring.main.register-shutdown-hook", "false");
        properties.put("logging.register-shutdown-hook", "false");
        if (jwtKeyFile != null && service != Service.AGENT_BRIDGE) {
            // command-api signs access tokens with it, the others verify them (docs/SECURITY.md).
            properties.put("flexboard.jwt.key-file", jwtKeyFile.toString());
        }
        switch (service) {
            case COMMAND_API -> {
                jdbc(properties, "spring.datasource", "username");
                kafka(properties);
                properties.put("flexboard.admin-token", adminToken);
                exclude(properties, autoConfigurations.r2dbc());
            }
            case PROJECTOR -> {
                r2dbc(properties);
                jdbc(properties, "spring.flyway", "user");
                kafka(properties);
                // Its ops API (projection rebuilds) takes the builder's admin token.
                properties.put("flexboard.admin-token", adminToken);
                exclude(properties, autoConfigurations.axon());
            }
            case QUERY_API -> {
                r2dbc(properties);
                // The ops lag monitor reads consumer-group offsets from the broker.
                kafka(properties);
                properties.put("flexboard.admin-token", adminToken);
                exclude(properties, autoConfigurations.axon());
            }
            case AGENT_BRIDGE -> {
                r2dbc(properties);
                // Sync reports go to the flexboard.agent-syncs topic.
                kafka(properties);
                exclude(properties, autoConfigurations.axon());
            }
        }
        return properties;
    }

    private void jdbc(Map<String, Object> properties, String prefix, String userKey) {
        properties.put(prefix + ".url", database.jdbcUrl());
        properties.put(prefix + "." + userKey, database.user());
        properties.put(prefix + ".password", database.password());
    }

    private void r2dbc(Map<String, Object> properties) {
        properties.put("spring.r2dbc.url", database.r2dbcUrl());
        properties.put("spring.r2dbc.username", database.user());
        properties.put("spring.r2dbc.password", database.password());
    }

    private void kafka(Map<String, Object> properties) {
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
    }

    private static void exclude(Map<String, Object> properties, List<String> autoConfigurations) {
        properties.put("spring.autoconfigure.exclude", String.join(",", autoConfigurations));
    }
}
