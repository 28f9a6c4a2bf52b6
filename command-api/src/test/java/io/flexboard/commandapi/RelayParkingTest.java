package io.flexboard.commandapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flexboard.schemas.wire.EventEnvelopeDeserializer;
import io.flexboard.schemas.wire.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An event the broker refuses for good (here: over a small {@code max.request.size}) parks only its
 * tenant: its later events wait behind it in {@code parked_events}, every other tenant's events reach
 * the topic, and an operator's resolution in the table releases the waiting ones in order. A database
 * of its own: the relay's token must not be shared with another test context's relay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.producer.properties.max.request.size=4096",
        "flexboard.relay.parking.release-interval=200ms"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@DirtiesContext
class RelayParkingTest {

    private static final String ADMIN_TOKEN = "relay-parking-admin-token";
    private static final String DATABASE = "flexboard_test_commandapi_relay"
            + System.getenv().getOrDefault("FLEXBOARD_TEST_DB_SUFFIX", "");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String server = "jdbc:postgresql://" + TestDatabase.HOST + ":" + TestDatabase.PORT + "/";
        try (Connection admin = DriverManager.getConnection(server + "postgres", TestDatabase.USER, "");
             Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
            sql.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed by the tests", e);
        }
        registry.add("spring.datasource.url", () -> server + DATABASE);
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
        registry.add("flexboard.admin-token", () -> ADMIN_TOKEN);
        registry.add("flexboard.events.partitions", () -> "3");
    }

    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    WebTestClient http;

    @LocalServerPort
    void client(int port) {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(PATIENCE).build();
    }

    @Test
    void given_an_event_too_large_for_the_broker_when_relayed_then_only_its_tenant_waits_until_an_operator_resolves_it() {
        String canary = createTenant("canary");
        String oversized = createTenant("oversized");
        String sales = dashboard(oversized, "sales");
        replaceWidgets(sales, 6);
        String ops = dashboard(oversized, "ops");
        dashboard(canary, "sales");

        assertThat(sequencesOf(canary, 3)).containsExactly(0L, 1L, 2L);
        assertThat(sequencesOf(oversized, 3)).containsExactly(0L, 1L, 2L);
        assertThat(jdbc.queryForList("select aggregate_sequence, status from parked_events where tenant_id = ? order by 1", oversized))
                .containsExactly(Map.of("aggregate_sequence", 3L, "status", "refused"),
                        Map.of("aggregate_sequence", 4L, "status", "held"));
        assertThat(jdbc.queryForObject("select error from parked_events where tenant_id = ? and status = 'refused'",
                String.class, oversized)).startsWith("RecordTooLargeException");
        await().atMost(PATIENCE).until(() -> meters.get("flexboard.relay.parked.events").gauge().value() == 2);
        // Later commands of the tenant are accepted and wait too.
        replaceWidgets(ops, 1);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from parked_events where tenant_id = ? and status = 'held'", Long.class, oversized) == 2);

        // A retry while the limit is unchanged: refused again, the decision spent.
        resolve(oversized, "retry");
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select resolution is null from parked_events where tenant_id = ? and status = 'refused'", Boolean.class, oversized));

        resolve(oversized, "skip");

        assertThat(sequencesOf(oversized, 5)).containsExactly(0L, 1L, 2L, 4L, 5L);
        assertThat(jdbc.queryForList("select aggregate_sequence, status, resolved_by from parked_events where tenant_id = ? order by 1",
                oversized)).extracting(row -> row.get("status")).containsExactly("skipped", "sent", "sent");
        await().atMost(PATIENCE).until(() -> meters.get("flexboard.relay.parked.events").gauge().value() == 0);
        dashboard(oversized, "later");
        assertThat(sequencesOf(oversized, 6)).containsExactly(0L, 1L, 2L, 4L, 5L, 6L);
    }

    /** The documented operator statement (docs/operations.md, "Parked events"). */
    private void resolve(String tenantId, String resolution) {
        jdbc.update("""
                update parked_events set resolution = ?, resolved_by = 'ops@vendor.example', resolution_reason = 'test',
                       resolved_at = now() where tenant_id = ? and status = 'refused'""", resolution, tenantId);
    }

    @SuppressWarnings("unchecked")
    private String createTenant(String name) {
        Map<String, Object> created = admin(http.post().uri("/api/tenants"))
                .bodyValue(Map.of("name", name, "slug", name + "-" + UUID.randomUUID().toString().substring(0, 8)))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) ((Map<String, Object>) created.get("tenant")).get("id");
    }

    private String dashboard(String tenantId, String slug) {
        return (String) admin(http.post().uri("/api/tenants/{id}/dashboards", tenantId))
                .bodyValue(Map.of("name", slug, "slug", slug))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    /** {@code count} widgets of a 1,000-character query each: six make an event over the test's 4 KiB limit. */
    private void replaceWidgets(String dashboardId, int count) {
        List<Map<String, Object>> widgets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            widgets.add(Map.of("name", "widget-" + dashboardId.substring(0, 8) + "-" + i, "config", Map.of("query", "SELECT " + "x".repeat(1000), "type", "bar")));
        }
        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue(Map.of("widgets", widgets))
                .exchange().expectStatus().isOk();
    }

    private WebTestClient.RequestBodySpec admin(WebTestClient.RequestBodySpec spec) {
        return spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN).contentType(MediaType.APPLICATION_JSON);
    }

    /** The sequences of the tenant's records on the topic, once {@code expected} arrived (or after the patience ran out). */
    private List<Long> sequencesOf(String tenantId, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Long> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.EVENTS));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline && found.size() < expected) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().equals(tenantId)) {
                        found.add(new EventEnvelopeDeserializer().deserialize(Topics.EVENTS, r.value()).getAggregateSequence());
                    }
                });
            }
            // A moment more, so a record that should not be there has the chance to show up.
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (r.key().equals(tenantId)) {
                    found.add(new EventEnvelopeDeserializer().deserialize(Topics.EVENTS, r.value()).getAggregateSequence());
                }
            });
        }
        return found;
    }
}
