package io.flexboard.infra.local.services;

import io.flexboard.infra.local.config.DatabaseUrl;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line arguments each service of the local stack starts with: the Spring properties it reads
 * (docs/contracts.md), derived from the local stack's settings. As arguments they win over the service's own
 * {@code application.yml} defaults (which point at 127.0.0.1:5432 and localhost:9092).
 */
public record ServiceArguments(DatabaseUrl database, String kafkaBootstrapServers, String adminToken, Path jwtKeyFile,
                               Path ssoConfigFile) {

    /** Without sign-in: the services accept only the admin token. */
    public ServiceArguments(DatabaseUrl database, String kafkaBootstrapServers, String adminToken) {
        this(database, kafkaBootstrapServers, adminToken, null, null);
    }

    /** With sign-in by password and access token, without single sign-on. */
    public ServiceArguments(DatabaseUrl database, String kafkaBootstrapServers, String adminToken, Path jwtKeyFile) {
        this(database, kafkaBootstrapServers, adminToken, jwtKeyFile, null);
    }

    /** The projector's static membership id in its consumer groups. */
    static final String LOCAL_PROJECTOR_INSTANCE = "flexboard-local-projector";
    static final String RELAY_CLAIM_TIMEOUT = "5s";
    static final String RELAY_CLAIM_INTERVAL_MILLIS = "1000";

    /** The Spring properties for one service's context, given the auto-configurations it must not get. */
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
                relayResumesQuickly(properties);
                singleSignOn(properties);
            }
            case PROJECTOR -> {
                r2dbc(properties);
                jdbc(properties, "spring.flyway", "user");
                kafka(properties);
                staticGroupMember(properties);
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

    /**
     * The projector's consumers rejoin their groups at once after a crash (issue 15). A dynamic member that died
     * without leaving holds its partitions until its session times out (45 s): the restarted projector's new member
     * waited for that, and the read side stayed behind for ~30 s after a restart. A static member (a stable
     * {@code group.instance.id}) that comes back replaces its old self and gets its partitions at once. One projector
     * runs per local stack (PostgreSQL's lock on the data directory), so the id cannot be taken twice; the fleet
     * listener is in another group, where the same id is its own. docs/operations.md, "When something crashes".
     */
    private static void staticGroupMember(Map<String, Object> properties) {
        properties.put("spring.kafka.consumer.properties.group.instance.id", LOCAL_PROJECTOR_INSTANCE);
    }

    /**
     * The relay's token claim belongs to the JVM (Axon's node id is pid@host): after a crash the restarted relay waits
     * for the dead claim to expire (10 s), then looks again only every 5 s. The local stack runs one command-api (a claim renewed at least every second
     * while it relays or idles), so
     * nobody else can take the token during a long batch: a shorter claim and a quicker look cost nothing here.
     */
    private static void relayResumesQuickly(Map<String, Object> properties) {
        properties.put("axon.eventhandling.tokenstore.claim-timeout", RELAY_CLAIM_TIMEOUT);
        properties.put("axon.eventhandling.processors.kafka-relay.token-claim-interval", RELAY_CLAIM_INTERVAL_MILLIS);
    }

    /**
     * The SSO providers ({@code flexboard.sso.*}) come from a file a person writes, not from the stack's settings:
     * a provider is a nested block with a list of group mappings, which environment variables spell badly. Read
     * only by command-api, and optional: without the file nobody has SSO (docs/operations.md, "Single sign-on").
     */
    private void singleSignOn(Map<String, Object> properties) {
        if (ssoConfigFile != null) {
            properties.put("spring.config.additional-location", "optional:file:" + ssoConfigFile.toAbsolutePath());
        }
    }

    private static void exclude(Map<String, Object> properties, List<String> autoConfigurations) {
        properties.put("spring.autoconfigure.exclude", String.join(",", autoConfigurations));
    }
}
