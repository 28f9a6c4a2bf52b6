package io.flexboard.infra.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.infra.local.LocalStack;
import io.flexboard.infra.local.config.Settings;
import io.flexboard.infra.local.support.StackClient;
import io.flexboard.schemas.wire.Topics;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * A local stack for one hostile test class (a poison event one class provokes must not fail another's
 * checks), with two tenants whose ids the attacks use: {@link #acme} and {@link #globex}.
 */
final class HostileStack implements AutoCloseable {

    static final String ADMIN_TOKEN = "hostile-admin-token";
    private static final List<String> READ_MODELS = List.of("tenants", "api_keys", "dashboards", "widgets", "versions",
            "published_versions", "tenant_positions", "rebuilds");

    /** A tenant of the world: a published version of one dashboard with one widget, and its API key. */
    record Tenant(String id, String apiKey, String dashboardId, String widgetId, String versionId, String consistencyToken) {
    }

    /** What a malformed request must never change: the events topic, the event store, the read models. */
    record State(long eventsOnTopic, long storedEvents, Map<String, String> readModels) {
    }

    final LocalStack.Running stack;
    final StackClient client;
    final Tenant acme;
    final Tenant globex;
    final Map<String, JsonNode> documents = new LinkedHashMap<>();

    private HostileStack(LocalStack.Running stack) throws Exception {
        this.stack = stack;
        this.client = new StackClient(stack.port(), ADMIN_TOKEN);
        this.acme = tenant("hostile-acme");
        this.globex = tenant("hostile-globex");
        // Both fully projected before any attack, so the state the attacks must not change is settled.
        client.getJson("/api/tenants/" + acme.id(), acme.consistencyToken());
        client.getJson("/api/tenants/" + globex.id(), globex.consistencyToken());
        for (String service : List.of("command-api", "query-api", "agent-bridge", "projector")) {
            documents.put(service, ApiOperations.document(client, service));
        }
    }

    static HostileStack start() {
        LocalStack.Running stack = null;
        try {
            Path dataDir = Files.createTempDirectory("flexboard-hostile");
            stack = LocalStack.start(Settings.forTest(dataDir, ADMIN_TOKEN));
            return new HostileStack(stack);
        } catch (Exception e) {
            if (stack != null) {
                stack.close();
            }
            throw new IllegalStateException("the hostile suite's local stack did not start", e);
        }
    }

    @Override
    public void close() {
        stack.close();
    }

    int port() {
        return stack.port();
    }

    List<ApiOperations.Operation> operations() {
        List<ApiOperations.Operation> operations = new ArrayList<>();
        documents.forEach((service, document) -> operations.addAll(ApiOperations.of(service, document)));
        return operations;
    }

    private Tenant tenant(String slug) throws Exception {
        HttpResponse<String> created = client.command("POST", "/api/tenants", Map.of("name", slug, "slug", slug), 201);
        JsonNode body = StackClient.JSON.readTree(created.body());
        String tenantId = body.at("/tenant/id").asString();
        String dashboardId = StackClient.JSON.readTree(client.command("POST", "/api/tenants/" + tenantId + "/dashboards",
                Map.of("name", "Sales", "slug", "sales"), 201).body()).get("id").asString();
        String widgetId = StackClient.JSON.readTree(client.saveOneWidget(dashboardId, "revenue", "bar", "SELECT 1").body())
                .at("/widgets/0/id").asString();
        StackClient.Published published = client.draftAndPublish(tenantId, "first");
        return new Tenant(tenantId, body.get("api_key").asString(), dashboardId, widgetId, published.versionId(),
                published.consistencyToken());
    }

    /** The state a malformed request must leave as it was. */
    State state() throws SQLException {
        Map<String, String> readModels = new LinkedHashMap<>();
        long storedEvents;
        try (Connection sql = DriverManager.getConnection(stack.jdbcUrl(), "postgres", "");
             Statement statement = sql.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select count(*) from eventstore.domainevententry")) {
                rows.next();
                storedEvents = rows.getLong(1);
            }
            for (String table : READ_MODELS) {
                // Every column but the sync times agents' syncs refresh in the background.
                try (ResultSet rows = statement.executeQuery("select count(*) || ':' || coalesce(md5(string_agg("
                        + "(to_jsonb(t) - 'last_sync' - 'last_used_at' - 'last_seen_at')::text, ',' order by (to_jsonb(t) - 'last_sync' - 'last_used_at' - 'last_seen_at')::text)), '') from readmodel." + table + " t")) {
                    rows.next();
                    readModels.put(table, rows.getString(1));
                }
            }
        }
        return new State(eventsOnTopic(), storedEvents, readModels);
    }

    private long eventsOnTopic() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * A new tenant's first published version reaches its agent: the write side, the relay, the projector and
     * the bridge all still work for everyone (a poison event would stop the projector for every tenant).
     */
    void assertACanaryTenantIsStillProjectedAndSynced() throws Exception {
        String slug = "canary-" + UUID.randomUUID().toString().substring(0, 8);
        Tenant canary = tenant(slug);
        HttpResponse<String> sync = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            sync = client.send("POST", "/api/agent/sync", Map.of("tenant_id", canary.id(), "current_version", 0),
                    canary.apiKey(), canary.consistencyToken());
            if (sync.statusCode() == 200 && StackClient.JSON.readTree(sync.body()).path("has_updates").asBoolean()) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(sync).isNotNull();
        assertThat(sync.statusCode()).as("the canary's sync: " + sync.body()).isEqualTo(200);
        JsonNode answer = StackClient.JSON.readTree(sync.body());
        assertThat(answer.get("has_updates").asBoolean()).as("the canary's version is projected: " + sync.body()).isTrue();
        assertThat(answer.at("/metadata/config/revenue/query").asString()).isEqualTo("SELECT 1");
        assertThat(client.getJson("/api/tenants/" + canary.id(), canary.consistencyToken()).get("slug").asString()).isEqualTo(slug);
    }

    /** Writes a report next to Surefire's, so the numbers survive the console. */
    static void writeReport(String name, String text) {
        try {
            Path reports = Path.of("target", "hostile");
            Files.createDirectories(reports);
            Files.writeString(reports.resolve(name), text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
