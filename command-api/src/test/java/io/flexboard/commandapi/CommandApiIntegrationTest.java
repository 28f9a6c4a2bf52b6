package io.flexboard.commandapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.flexboard.commandapi.apikey.ApiKeys;
import io.flexboard.commandapi.branding.Logos;
import io.flexboard.commandapi.relay.KafkaRelay;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.event.ApiKeyIssuedEvent;
import io.flexboard.schemas.event.ApiKeyRevokedEvent;
import io.flexboard.schemas.event.DashboardCreatedEvent;
import io.flexboard.schemas.event.DraftSavedEvent;
import io.flexboard.schemas.event.TenantActivatedEvent;
import io.flexboard.schemas.event.TenantBrandingClearedEvent;
import io.flexboard.schemas.event.TenantBrandingSetEvent;
import io.flexboard.schemas.event.TenantCreatedEvent;
import io.flexboard.schemas.event.TenantPausedEvent;
import io.flexboard.schemas.event.VersionPublishedEvent;
import io.flexboard.schemas.event.WidgetsReplacedEvent;
import io.flexboard.schemas.wire.EventEnvelopeDeserializer;
import io.flexboard.schemas.wire.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

/**
 * command-api against a real PostgreSQL event store and a real in-process Kafka broker: the
 * builder's story, what reaches the events topic, and every error answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class CommandApiIntegrationTest {

    private static final String ADMIN_TOKEN = "test-admin-token";
    private static final String PROBLEM = "https://flexboard.io/problems/";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
        registry.add("flexboard.admin-token", () -> ADMIN_TOKEN);
        registry.add("flexboard.events.partitions", () -> "3");
    }

    WebTestClient http;
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProducerFactory<String, EventEnvelope> producers;

    /**
     * A new connection per request: some tests get answers sent before their body was read (413),
     * and reusing such a keep-alive connection could leave a later test's request unanswered.
     */
    int port;

    @LocalServerPort
    void client(int port) {
        this.port = port;
        http = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    // --- the builder's story ---------------------------------------------------------------------

    @Test
    void a_tenants_story_reaches_the_events_topic_in_order_keyed_by_tenant() {
        Map<String, Object> created = createTenant("story-" + shortId());
        String tenantId = tenantId(created);
        String apiKey = (String) created.get("api_key");
        assertThat(apiKey).startsWith("fbk_").hasSizeGreaterThan(40);

        String dashboardId = (String) admin(http.post().uri("/api/tenants/{id}/dashboards", tenantId))
                .bodyValue(Map.of("name", "Sales", "slug", "sales"))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectHeader().valueEquals("X-Consistency-Token", tenantId + ":2")
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue(Map.of("widgets", List.of(barWidget("sales-by-month"))))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.widgets[0].widget_type").isEqualTo("bar")
                .jsonPath("$.widgets[0].width").isEqualTo(6)
                .jsonPath("$.widgets[0].config.query").isEqualTo("SELECT month, total FROM sales");
        @SuppressWarnings("unchecked")
        Map<String, Object> draft = admin(http.post().uri("/api/tenants/{id}/versions", tenantId))
                .bodyValue(Map.of("message", "first"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(draft).containsEntry("version", 1).containsEntry("status", "draft").containsEntry("message", "first");
        String versionId = (String) draft.get("id");
        admin(http.post().uri("/api/tenants/{id}/versions/{v}/publish", tenantId, versionId))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"5\"")
                .expectBody().jsonPath("$.success").isEqualTo(true).jsonPath("$.published_version").isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> records = recordsOf(tenantId, 6);

        List<EventEnvelope> events = records.stream()
                .map(r -> new EventEnvelopeDeserializer().deserialize(Topics.EVENTS, r.value())).toList();
        assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(tenantId));
        assertThat(events).extracting(EventEnvelope::getAggregateSequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(events.stream().map(e -> (Object) e.getPayload().getClass()).toList()).containsExactly(
                TenantCreatedEvent.class, ApiKeyIssuedEvent.class, DashboardCreatedEvent.class,
                WidgetsReplacedEvent.class, DraftSavedEvent.class, VersionPublishedEvent.class);
        assertThat(events).allSatisfy(e -> assertThat(e.getActor()).isEqualTo("admin"));
        ApiKeyIssuedEvent keyIssued = (ApiKeyIssuedEvent) events.get(1).getPayload();
        assertThat(keyIssued.getKeyHash()).isEqualTo(ApiKeys.hash(apiKey));
        // The plain key never reaches Kafka (nor the event store: the same bytes are stored there).
        assertThat(records).allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.ISO_8859_1)).doesNotContain(apiKey));
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?", Long.class, tenantId))
                .isEqualTo(6L);
    }

    @Test
    void the_correlation_id_of_the_request_travels_with_the_events() {
        String slug = "corr-" + shortId();
        Map<String, Object> created = admin(http.post().uri("/api/tenants"))
                .header("X-Correlation-Id", "req-" + slug)
                .bodyValue(Map.of("name", "Correlated", "slug", slug))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("X-Correlation-Id", "req-" + slug)
                .expectBody(Map.class).returnResult().getResponseBody();

        List<ConsumerRecord<String, byte[]>> records = recordsOf(tenantId(created), 2);

        assertThat(records).allSatisfy(r -> assertThat(
                new EventEnvelopeDeserializer().deserialize(Topics.EVENTS, r.value()).getCorrelationId()).isEqualTo("req-" + slug));
    }

    @Test
    void commands_accepted_while_the_relay_is_down_reach_kafka_in_order_once_it_is_back() {
        var relay = processing.eventProcessor(KafkaRelay.PROCESSING_GROUP).orElseThrow();
        relay.shutDown();
        try {
            String tenantId = tenantId(createTenant("outage-" + shortId()));
            dashboardOf(tenantId);
            assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?",
                    Long.class, tenantId)).as("accepted and stored while the relay is down").isEqualTo(3L);
            assertThat(recordsOf(tenantId, 3, Duration.ofSeconds(2))).as("nothing is sent but by the relay").isEmpty();

            relay.start();

            List<ConsumerRecord<String, byte[]>> records = recordsOf(tenantId, 3);
            assertThat(records.stream().map(r -> new EventEnvelopeDeserializer().deserialize(Topics.EVENTS, r.value())
                    .getAggregateSequence()).toList()).containsExactly(0L, 1L, 2L);
        } finally {
            relay.start();
        }
    }

    // --- pause, activate, restore ------------------------------------------------------------------

    @Test
    void pausing_and_activating_answer_the_status_and_a_repeat_keeps_the_etag() {
        String tenantId = tenantId(createTenant("pause-" + shortId()));
        admin(http.post().uri("/api/tenants/{id}/pause", tenantId)).bodyValue(Map.of("reason", "invoice overdue"))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectHeader().valueEquals("X-Consistency-Token", tenantId + ":2")
                .expectBody().json("""
                        {"tenant_id": "%s", "status": "paused", "paused_reason": "invoice overdue"}""".formatted(tenantId), true);
        admin(http.post().uri("/api/tenants/{id}/pause", tenantId)).bodyValue(Map.of("reason", "another reason"))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.paused_reason").isEqualTo("invoice overdue");

        admin(http.post().uri("/api/tenants/{id}/activate", tenantId))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"")
                .expectBody().json("""
                        {"tenant_id": "%s", "status": "active"}""".formatted(tenantId), true);
        admin(http.post().uri("/api/tenants/{id}/activate", tenantId))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"");

        List<EventEnvelope> events = recordsOf(tenantId, 4).stream()
                .map(r -> new EventEnvelopeDeserializer().deserialize(Topics.EVENTS, r.value())).toList();
        assertThat(events.subList(2, 4)).extracting(EventEnvelope::getPayload).containsExactly(
                new TenantPausedEvent(tenantId, "invoice overdue"), new TenantActivatedEvent(tenantId));
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?", Long.class, tenantId))
                .as("the repeats stored nothing").isEqualTo(4L);
    }

    @Test
    void a_pause_without_a_body_has_no_reason() {
        String tenantId = tenantId(createTenant("nobody-" + shortId()));
        http.post().uri("/api/tenants/{id}/pause", tenantId).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .exchange().expectStatus().isOk()
                .expectBody().json("""
                        {"tenant_id": "%s", "status": "paused", "paused_reason": null}""".formatted(tenantId), true);
    }

    @Test
    void a_pause_reason_over_500_characters_gets_400_naming_reason() {
        String tenantId = tenantId(createTenant("longreason-" + shortId()));
        admin(http.post().uri("/api/tenants/{id}/pause", tenantId)).bodyValue(Map.of("reason", "x".repeat(501)))
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEM + "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("reason");
    }

    @Test
    void pausing_or_activating_an_unknown_tenant_gets_404() {
        admin(http.post().uri("/api/tenants/{id}/pause", UUID.randomUUID()))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "not-found");
        admin(http.post().uri("/api/tenants/{id}/activate", UUID.randomUUID()))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void a_stale_if_match_on_a_pause_that_would_change_nothing_still_gets_412() {
        String tenantId = tenantId(createTenant("stalepause-" + shortId()));
        admin(http.post().uri("/api/tenants/{id}/pause", tenantId)).exchange().expectStatus().isOk();

        admin(http.post().uri("/api/tenants/{id}/pause", tenantId)).header(HttpHeaders.IF_MATCH, "\"1\"")
                .exchange().expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "precondition-failed");
        admin(http.post().uri("/api/tenants/{id}/pause", tenantId)).header(HttpHeaders.IF_MATCH, "\"2\"")
                .exchange().expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
    }

    // --- branding ------------------------------------------------------------------------------------

    @Test
    void a_branding_is_answered_as_stored_with_its_svg_sanitised_a_repeat_keeps_the_etag_and_delete_clears_it() {
        String tenantId = tenantId(createTenant("brand-" + shortId()));
        String hostileSvg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script>"
                + "<rect width=\"10\" height=\"10\" fill=\"#1a365d\"/></svg>";
        Map<String, Object> branding = branding(Map.of("media_type", "image/svg+xml", "data_base64", Logos.base64(hostileSvg)),
                "#1A365D", ".fb-title { font-weight: 700 }");

        @SuppressWarnings("unchecked")
        Map<String, Object> stored = admin(http.put().uri("/api/tenants/{id}/branding", tenantId)).bodyValue(branding)
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectHeader().valueEquals("X-Consistency-Token", tenantId + ":2")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(List.copyOf(stored.keySet())).containsExactly("logo", "colors", "font", "custom_css");
        assertThat(((Map<?, ?>) stored.get("colors")).get("primary")).isEqualTo("#1a365d");
        String storedSvg = Logos.decoded((String) ((Map<?, ?>) stored.get("logo")).get("data_base64"));
        assertThat(storedSvg).contains("<rect").doesNotContain("alert", "script", "onload");
        admin(http.put().uri("/api/tenants/{id}/branding", tenantId)).bodyValue(branding)
                .exchange().expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");

        adminDelete("/api/tenants/{id}/branding", tenantId)
                .exchange().expectStatus().isNoContent().expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"");
        adminDelete("/api/tenants/{id}/branding", tenantId)
                .exchange().expectStatus().isNoContent().expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"");

        List<Object> payloads = recordsOf(tenantId, 4).stream()
                .map(r -> new EventEnvelopeDeserializer().deserialize(Topics.EVENTS, r.value()).getPayload()).toList();
        assertThat(((TenantBrandingSetEvent) payloads.get(2)).getBranding().getLogo().getDataBase64())
                .isEqualTo(((Map<?, ?>) stored.get("logo")).get("data_base64"));
        assertThat(payloads.get(3)).isEqualTo(new TenantBrandingClearedEvent(tenantId));
    }

    @Test
    void each_refused_branding_field_gets_400_naming_it_and_the_answer_never_echoes_the_logo() {
        String tenantId = tenantId(createTenant("badbrand-" + shortId()));
        String notPng = Logos.base64("<html>secret-marker-42</html>");
        Map<String, Object> body = new HashMap<>(branding(Map.of("media_type", "image/png", "data_base64", notPng),
                "red", "a { background: url(https://evil.example/t.png) }"));
        body.put("font", "Comic Sans MS");

        byte[] raw = admin(http.put().uri("/api/tenants/{id}/branding", tenantId)).bodyValue(body)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody().returnResult().getResponseBodyContent();
        String answer = new String(raw, StandardCharsets.UTF_8);
        var problem = tools.jackson.databind.json.JsonMapper.builder().build().readTree(answer);
        assertThat(problem.path("type").asString()).isEqualTo(PROBLEM + "validation-failed");
        assertThat(problem.path("errors").valueStream().map(error -> error.path("field").asString()))
                .containsExactlyInAnyOrder("logo.data_base64", "colors.primary", "font", "custom_css");
        assertThat(answer).doesNotContain("secret-marker-42", notPng)
                .contains("may use url() only with data:image/png or data:image/svg+xml");
        assertThat(eventsOf(tenantId)).isEqualTo(2L);
    }

    @Test
    void a_logo_over_64_kib_gets_400_and_one_over_the_body_limit_gets_413() {
        String tenantId = tenantId(createTenant("biglogo-" + shortId()));
        byte[] over = new byte[64 * 1024 + 1];
        System.arraycopy(Logos.png(1, 1), 0, over, 0, 8);
        admin(http.put().uri("/api/tenants/{id}/branding", tenantId))
                .bodyValue(branding(Map.of("media_type", "image/png", "data_base64", Logos.base64(over)), "#000000", null))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("logo.data_base64")
                .jsonPath("$.errors[0].message").isEqualTo("must be at most 65536 bytes (64 KiB) decoded");
        admin(http.put().uri("/api/tenants/{id}/branding", tenantId))
                .bodyValue(branding(Map.of("media_type", "image/png", "data_base64", Logos.base64(new byte[300 * 1024])),
                        "#000000", null))
                .exchange().expectStatus().isEqualTo(413);
    }

    @Test
    void branding_an_unknown_tenant_gets_404_and_a_malformed_id_400() {
        admin(http.put().uri("/api/tenants/{id}/branding", UUID.randomUUID())).bodyValue(branding(null, "#000000", null))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "not-found");
        adminDelete("/api/tenants/{id}/branding", UUID.randomUUID())
                .exchange().expectStatus().isNotFound();
        admin(http.put().uri("/api/tenants/{id}/branding", "acme")).bodyValue(branding(null, "#000000", null))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("tenantId");
    }

    @Test
    void concurrent_sets_with_the_same_if_match_store_exactly_one() throws Exception {
        String tenantId = tenantId(createTenant("racebrand-" + shortId()));
        int racers = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String color = String.format("#0000%02x", i);
            answers.add(pool.submit(() -> {
                start.await();
                return admin(http.put().uri("/api/tenants/{id}/branding", tenantId)).header(HttpHeaders.IF_MATCH, "\"1\"")
                        .bodyValue(branding(null, color, null))
                        .exchange().returnResult(String.class).getStatus().value();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status != 200).allSatisfy(status -> assertThat(status).isIn(409, 412));
        assertThat(eventsOf(tenantId)).isEqualTo(3L);
    }

    // --- named API keys ----------------------------------------------------------------------------

    @Test
    void a_named_key_is_shown_once_travels_only_as_its_hash_and_revoking_it_twice_answers_204_both_times() {
        String tenantId = tenantId(createTenant("keys-" + shortId()));

        @SuppressWarnings("unchecked")
        Map<String, Object> issued = admin(http.post().uri("/api/tenants/{id}/api-keys", tenantId))
                .bodyValue(Map.of("name", "  plant-2 agents "))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectHeader().valueEquals("X-Consistency-Token", tenantId + ":2")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(issued).containsOnlyKeys("id", "name", "prefix", "api_key").containsEntry("name", "plant-2 agents");
        String key = (String) issued.get("api_key");
        assertThat(key).startsWith((String) issued.get("prefix")).startsWith("fbk_").hasSizeGreaterThan(40);

        adminDelete("/api/tenants/{id}/api-keys/{keyId}", tenantId, issued.get("id"))
                .exchange().expectStatus().isNoContent().expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"");
        adminDelete("/api/tenants/{id}/api-keys/{keyId}", tenantId, issued.get("id"))
                .exchange().expectStatus().isNoContent().expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"");

        List<ConsumerRecord<String, byte[]>> records = recordsOf(tenantId, 4);
        EventEnvelope issuedEvent = decode(records.get(2));
        assertThat(issuedEvent.getPayload()).isEqualTo(new ApiKeyIssuedEvent(tenantId, (String) issued.get("id"),
                ApiKeys.hash(key), (String) issued.get("prefix"), "plant-2 agents"));
        assertThat(decode(records.get(3)).getPayload()).isEqualTo(new ApiKeyRevokedEvent(tenantId, (String) issued.get("id")));
        records.forEach(record -> assertThat(new String(record.value(), StandardCharsets.ISO_8859_1)).doesNotContain(key));
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where encode(payload, 'escape') like ?",
                Long.class, "%" + key + "%")).as("the plain key is stored nowhere").isZero();
    }

    @Test
    void each_bad_key_name_gets_400_naming_name_and_stores_nothing() {
        String tenantId = tenantId(createTenant("badkeys-" + shortId()));
        Map<String, Object> missing = new HashMap<>();
        for (Object name : new Object[] {"", "   ", "k".repeat(101), "plant\n2", "evil\u202Egnp", "nul\u0000", 42}) {
            Map<String, Object> body = new HashMap<>();
            body.put("name", name);
            admin(http.post().uri("/api/tenants/{id}/api-keys", tenantId)).bodyValue(body)
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        }
        admin(http.post().uri("/api/tenants/{id}/api-keys", tenantId)).bodyValue(missing)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("name");
        admin(http.post().uri("/api/tenants/{id}/api-keys", tenantId)).bodyValue(Map.of("name", "n".repeat(300_000)))
                .exchange().expectStatus().isEqualTo(413);
        admin(http.post().uri("/api/tenants/{id}/api-keys", tenantId)).bodyValue(Map.of("name", "Default"))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "conflict").jsonPath("$.errors[0].field").isEqualTo("name");
        assertThat(eventsOf(tenantId)).isEqualTo(2L);
    }

    @Test
    void another_tenants_key_an_unknown_key_and_an_unknown_tenant_are_404_and_a_malformed_id_400() {
        String acme = tenantId(createTenant("keyacme-" + shortId()));
        Map<String, Object> globex = createTenant("keyglobex-" + shortId());
        String globexKey = (String) globex.get("api_key_id");

        adminDelete("/api/tenants/{id}/api-keys/{keyId}", acme, globexKey)
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "not-found");
        adminDelete("/api/tenants/{id}/api-keys/{keyId}", acme, UUID.randomUUID()).exchange().expectStatus().isNotFound();
        adminDelete("/api/tenants/{id}/api-keys/{keyId}", UUID.randomUUID(), globexKey).exchange().expectStatus().isNotFound();
        admin(http.post().uri("/api/tenants/{id}/api-keys", UUID.randomUUID())).bodyValue(Map.of("name", "x"))
                .exchange().expectStatus().isNotFound();
        adminDelete("/api/tenants/{id}/api-keys/{keyId}", acme, "default")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("keyId");
        http.delete().uri("/api/tenants/{id}/api-keys/{keyId}", tenantId(globex), globexKey)
                .exchange().expectStatus().isUnauthorized();

        assertThat(eventsOf(acme)).isEqualTo(2L);
        adminDelete("/api/tenants/{id}/api-keys/{keyId}", tenantId(globex), globexKey)
                .exchange().expectStatus().isNoContent();
    }

    @Test
    void ten_thousand_concurrent_issues_leave_exactly_twenty_live_keys_and_every_other_call_409() {
        String tenantId = tenantId(createTenant("keycap-" + shortId()));
        WebClient client = WebClient.create("http://localhost:" + port);

        Mono<Map<Integer, Long>> statuses = Flux.range(0, 10_000)
                .flatMap(i -> client.post().uri("/api/tenants/{id}/api-keys", tenantId)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("name", "site " + i))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 16)
                .collect(Collectors.groupingBy(status -> status, Collectors.counting()));

        // The default key plus 19 named ones is the cap of 20 live keys.
        StepVerifier.create(statuses)
                .expectNext(Map.of(201, 19L, 409, 9_981L))
                .expectComplete()
                .verify(Duration.ofMinutes(10));
        assertThat(eventsOf(tenantId)).isEqualTo(21L);
    }

    private WebTestClient.RequestHeadersSpec<?> adminDelete(String uri, Object... ids) {
        return http.delete().uri(uri, ids).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN);
    }

    private static Map<String, Object> branding(Map<String, Object> logo, String primary, String css) {
        Map<String, Object> body = new HashMap<>();
        body.put("logo", logo);
        body.put("colors", Map.of("primary", primary, "secondary", "#2d3748", "accent", "#38b2ac", "background", "#f7fafc",
                "text", "#1a202c"));
        body.put("font", "Inter");
        body.put("custom_css", css);
        return body;
    }

    @Test
    void restoring_a_version_sets_the_widgets_back_and_saves_its_snapshot_as_the_next_draft() {
        String tenantId = tenantId(createTenant("restore-" + shortId()));
        String dashboardId = dashboardOf(tenantId);
        replaceWidgets(dashboardId, barWidget("sales-by-month"));
        String version1 = saveDraft(tenantId);
        replaceWidgets(dashboardId, barWidget("orders-by-region"));
        saveDraft(tenantId);

        var restored = admin(http.post().uri("/api/tenants/{id}/versions/{v}/restore", tenantId, version1))
                .bodyValue(Map.of("message", "back to the first"))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"8\"")
                .expectBody(Map.class).returnResult();
        @SuppressWarnings("unchecked")
        Map<String, Object> draft = restored.getResponseBody();
        assertThat(restored.getResponseHeaders().getLocation()).hasToString(
                "/api/tenants/" + tenantId + "/versions/" + draft.get("id"));
        assertThat(draft).containsEntry("version", 3).containsEntry("status", "draft")
                .containsEntry("message", "back to the first").containsEntry("parent_version", 2)
                .containsEntry("restored_from", Map.of("id", version1, "version", 1));
        saveDraft(tenantId);

        List<EventEnvelope> events = recordsOf(tenantId, 10).stream()
                .map(r -> new EventEnvelopeDeserializer().deserialize(Topics.EVENTS, r.value())).toList();
        DraftSavedEvent first = (DraftSavedEvent) events.get(4).getPayload();
        WidgetsReplacedEvent setBack = (WidgetsReplacedEvent) events.get(7).getPayload();
        DraftSavedEvent restoredDraft = (DraftSavedEvent) events.get(8).getPayload();
        DraftSavedEvent next = (DraftSavedEvent) events.get(9).getPayload();
        assertThat(setBack.getWidgets()).isEqualTo(first.getMetadata().getWidgets());
        assertThat(restoredDraft.getMetadata()).isEqualTo(first.getMetadata());
        assertThat(restoredDraft.getRestoredFromVersionId()).isEqualTo(version1);
        assertThat(restoredDraft.getRestoredFromVersion()).isEqualTo(1);
        assertThat(restoredDraft.getParentVersion()).isEqualTo(2);
        assertThat(next.getMetadata()).as("the next draft starts from what was restored").isEqualTo(first.getMetadata());
    }

    @Test
    void restoring_an_unknown_version_gets_404_and_a_malformed_one_gets_400() {
        String tenantId = tenantId(createTenant("restore404-" + shortId()));
        admin(http.post().uri("/api/tenants/{id}/versions/{v}/restore", tenantId, UUID.randomUUID()))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "not-found");
        admin(http.post().uri("/api/tenants/{id}/versions/not-a-uuid/restore", tenantId))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("versionId");
    }

    @Test
    void a_saved_draft_answers_where_to_read_it() {
        String tenantId = tenantId(createTenant("location-" + shortId()));
        var saved = admin(http.post().uri("/api/tenants/{id}/versions", tenantId))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult();
        assertThat(saved.getResponseHeaders().getLocation()).hasToString(
                "/api/tenants/" + tenantId + "/versions/" + saved.getResponseBody().get("id"));
    }

    // --- error answers ---------------------------------------------------------------------------

    @Test
    void no_token_gets_401_with_a_problem_body() {
        http.post().uri("/api/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "X", "slug", "x"))
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "unauthorized");
    }

    @Test
    void a_wrong_token_gets_401() {
        http.post().uri("/api/tenants").header(HttpHeaders.AUTHORIZATION, "Bearer nope")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "X", "slug", "x"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void malformed_json_gets_400() {
        admin(http.post().uri("/api/tenants")).bodyValue("{\"name\": \"Acme\", ")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "malformed-request");
    }

    @Test
    void a_json_null_or_an_array_instead_of_an_object_gets_400() {
        admin(http.post().uri("/api/tenants")).bodyValue("null")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        admin(http.post().uri("/api/tenants")).bodyValue("[]")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_widget_config_that_is_not_an_object_is_named() {
        String dashboardId = dashboardOf(tenantId(createTenant("cfgtype-" + shortId())));
        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue("{\"widgets\": [{\"name\": \"w\", \"config\": \"SELECT 1\"}]}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("widgets[0].config");
    }

    @Test
    void a_field_of_the_wrong_json_type_is_named() {
        admin(http.post().uri("/api/tenants")).bodyValue("{\"name\": \"Acme\", \"slug\": \"acme-x\", \"max_dashboards\": \"many\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("max_dashboards");
    }

    @Test
    void missing_fields_get_400_naming_each_field() {
        admin(http.post().uri("/api/tenants")).bodyValue(Map.of("slug", "Not A Slug"))
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEM + "validation-failed")
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'slug')]").exists();
    }

    @Test
    void a_widget_without_query_gets_400_naming_widgets_config_query() {
        String dashboardId = dashboardOf(tenantId(createTenant("noquery-" + shortId())));
        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue(Map.of("widgets", List.of(Map.of("name", "broken", "config", Map.of("type", "bar")))))
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEM + "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("widgets[0].config.query");
    }

    @Test
    void a_duplicate_tenant_slug_gets_409() {
        String slug = "dup-" + shortId();
        createTenant(slug);
        admin(http.post().uri("/api/tenants")).bodyValue(Map.of("name", "Again", "slug", slug))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "conflict")
                .jsonPath("$.errors[0].field").isEqualTo("slug");
    }

    @Test
    void publishing_a_version_twice_gets_409() {
        String tenantId = tenantId(createTenant("twice-" + shortId()));
        String versionId = saveDraft(tenantId);
        admin(http.post().uri("/api/tenants/{id}/versions/{v}/publish", tenantId, versionId)).exchange().expectStatus().isOk();

        admin(http.post().uri("/api/tenants/{id}/versions/{v}/publish", tenantId, versionId))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("only drafts"));
    }

    @Test
    void unknown_ids_get_404() {
        admin(http.post().uri("/api/tenants/{id}/dashboards", UUID.randomUUID()))
                .bodyValue(Map.of("name", "Sales", "slug", "sales"))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "not-found");
        admin(http.put().uri("/api/dashboards/{id}/widgets", UUID.randomUUID()))
                .bodyValue(Map.of("widgets", List.of()))
                .exchange().expectStatus().isNotFound();
        String tenantId = tenantId(createTenant("unknown-" + shortId()));
        admin(http.post().uri("/api/tenants/{id}/versions/{v}/publish", tenantId, UUID.randomUUID()))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void a_malformed_id_gets_400() {
        admin(http.post().uri("/api/tenants/not-a-uuid/dashboards"))
                .bodyValue(Map.of("name", "Sales", "slug", "sales"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("tenantId");
    }

    @Test
    void a_stale_if_match_gets_412_and_changes_nothing() {
        String tenantId = tenantId(createTenant("stale-" + shortId()));
        admin(http.post().uri("/api/tenants/{id}/dashboards", tenantId)).header(HttpHeaders.IF_MATCH, "\"1\"")
                .bodyValue(Map.of("name", "First", "slug", "first"))
                .exchange().expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");

        admin(http.post().uri("/api/tenants/{id}/dashboards", tenantId)).header(HttpHeaders.IF_MATCH, "\"1\"")
                .bodyValue(Map.of("name", "Second", "slug", "second"))
                .exchange().expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "precondition-failed");
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?", Long.class, tenantId))
                .isEqualTo(3L);
    }

    @Test
    void an_oversized_body_gets_413() {
        admin(http.post().uri("/api/tenants"))
                .bodyValue(Map.of("name", "x".repeat(300 * 1024), "slug", "big"))
                .exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "payload-too-large");
    }

    @Test
    void a_body_that_is_not_json_gets_415() {
        http.post().uri("/api/tenants").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .contentType(MediaType.TEXT_PLAIN).bodyValue("name=Acme")
                .exchange().expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEM + "unsupported-media-type");
    }

    @Test
    void an_unknown_route_gets_404_problem_json() {
        admin(http.post().uri("/api/nothing-here")).bodyValue(Map.of())
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    // --- what the read side could not store is refused, and changes nothing --------------------

    @Test
    void the_events_topic_and_the_relay_producer_have_the_record_limit_the_aggregate_sizes_events_for() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.EVENTS);
            ConfigEntry limit = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic)
                    .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            assertThat(limit.value()).isEqualTo("1048588");
            assertThat(limit.source()).as("set on the topic, not inherited").isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        }
        assertThat(String.valueOf(producers.getConfigurationProperties().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)))
                .isEqualTo(Integer.toString(Topics.EVENTS_MAX_REQUEST_SIZE));
    }

    @Test
    void a_widget_id_that_is_not_a_uuid_gets_400_naming_it_and_stores_nothing() {
        String tenantId = tenantId(createTenant("baduuid-" + shortId()));
        String dashboardId = dashboardOf(tenantId);
        Map<String, Object> widget = barWidget("revenue");
        widget.put("id", "not-a-uuid");
        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue(Map.of("widgets", List.of(widget)))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEM + "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("widgets[0].id");
        assertThat(eventsOf(tenantId)).isEqualTo(3);
    }

    @Test
    void a_malformed_path_id_gets_400_never_a_500() {
        for (String id : List.of("not-a-uuid", "1-1-1-1-1x")) {
            admin(http.put().uri("/api/dashboards/" + id + "/widgets"))
                    .bodyValue(Map.of("widgets", List.of()))
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("dashboardId");
        }
        // An encoded NUL never reaches routing: the foundation's firewall refuses the whole path.
        admin(http.put().uri("/api/dashboards/%00/widgets"))
                .bodyValue(Map.of("widgets", List.of()))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("url");
    }

    @Test
    void a_nul_in_any_text_gets_400_naming_the_field_and_stores_nothing() {
        admin(http.post().uri("/api/tenants"))
                .bodyValue(Map.of("name", "Acme\u0000", "slug", "nul-" + shortId()))
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEM + "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("name");

        String tenantId = tenantId(createTenant("nul-" + shortId()));
        admin(http.post().uri("/api/tenants/{id}/dashboards", tenantId))
                .bodyValue(Map.of("name", "Sales", "slug", "sales", "description", "for\u0000sales"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("description");
        String dashboardId = dashboardOf(tenantId);
        admin(http.post().uri("/api/tenants/{id}/versions", tenantId))
                .bodyValue(Map.of("message", "first\u0000"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("message");
        Map<String, Object> nestedNul = barWidget("colors");
        nestedNul.put("config", Map.of("query", "SELECT 1", "type", "bar",
                "chartConfig", Map.of("colors", List.of("#fff", "#000\u0000"))));
        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue(Map.of("widgets", List.of(barWidget("fine"), nestedNul)))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("widgets[1].config.chartConfig.colors[1]");
        Map<String, Object> keyNul = barWidget("key");
        keyNul.put("config", Map.of("query", "SELECT 1", "type", "bar", "ti\u0000tle", "Revenue"));
        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue(Map.of("widgets", List.of(keyNul)))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("widgets[0].config.ti\\u0000tle");
        assertThat(eventsOf(tenantId)).as("tenant, key and one dashboard only").isEqualTo(3);
    }

    @Test
    void an_unpaired_surrogate_gets_400_naming_the_field() {
        String tenantId = tenantId(createTenant("surrogate-" + shortId()));
        String dashboardId = dashboardOf(tenantId);
        // The JSON escape \ud800 without its low half: valid JSON, but no text PostgreSQL could store.
        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue("{\"widgets\": [{\"name\": \"revenue\", \"config\": {\"query\": \"SELECT 1\", \"type\": \"bar\","
                        + " \"title\": \"Revenue \\ud800\"}}]}")
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEM + "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("widgets[0].config.title");
        assertThat(eventsOf(tenantId)).isEqualTo(3);
    }

    @Test
    void a_config_nested_too_deep_or_holding_an_infinite_number_gets_400_and_an_absurdly_deep_body_too() {
        String tenantId = tenantId(createTenant("deep-" + shortId()));
        String dashboardId = dashboardOf(tenantId);
        String nine = "{\"n\": ".repeat(9) + "1" + "}".repeat(9);
        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue("{\"widgets\": [{\"name\": \"deep\", \"config\": {\"query\": \"SELECT 1\", \"type\": \"bar\","
                        + " \"n\": " + nine + "}}]}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("widgets[0].config.n.n.n.n.n.n.n.n.n");
        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue("{\"widgets\": [{\"name\": \"inf\", \"config\": {\"query\": \"SELECT 1\", \"type\": \"bar\","
                        + " \"refreshInterval\": 1e400}}]}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("widgets[0].config.refreshInterval");
        // Deeper than the JSON parser's own nesting limit: refused while reading, before any check.
        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue("{\"widgets\": [{\"name\": \"abyss\", \"config\": {\"a\": " + "[".repeat(50_000)
                        + "]".repeat(50_000) + "}}]}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(eventsOf(tenantId)).isEqualTo(3);
    }

    @Test
    void widgets_after_which_the_draft_would_pass_the_record_limit_get_413_and_a_full_draft_still_reaches_the_topic() {
        String tenantId = tenantId(createTenant("large-" + shortId(), 10, 50));
        List<String> dashboards = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            dashboards.add(dashboardOf(tenantId, "board-" + i));
        }
        // 28 widgets of 8,000-byte configs per request (under the 256 KB body limit), about 230 KB a dashboard.
        for (int i = 0; i < 4; i++) {
            admin(http.put().uri("/api/dashboards/{id}/widgets", dashboards.get(i)))
                    .bodyValue(Map.of("widgets", largeWidgets("board-" + i, 28)))
                    .exchange().expectStatus().isOk();
        }
        long before = eventsOf(tenantId);
        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboards.get(4)))
                .bodyValue(Map.of("widgets", largeWidgets("board-4", 28)))
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEM + "payload-too-large")
                .jsonPath("$.errors[0].field").isEqualTo("widgets")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("the limit is 1000000"));
        assertThat(eventsOf(tenantId)).isEqualTo(before);

        saveDraft(tenantId);
        List<ConsumerRecord<String, byte[]>> records = recordsOf(tenantId, (int) before + 1);
        assertThat(records.get(records.size() - 1).value().length).as("the draft's record").isBetween(850_000, 1_000_000);
    }

    @Test
    void another_tenants_widget_id_is_refused_and_its_widget_stays_with_it() {
        String victim = tenantId(createTenant("victim-" + shortId()));
        String victimDashboard = dashboardOf(victim);
        java.util.concurrent.atomic.AtomicReference<String> minted = new java.util.concurrent.atomic.AtomicReference<>();
        admin(http.put().uri("/api/dashboards/{id}/widgets", victimDashboard))
                .bodyValue(Map.of("widgets", List.of(barWidget("revenue"))))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.widgets[0].id").value(id -> minted.set((String) id));
        String victimWidget = minted.get();
        assertThat(victimWidget).hasSize(36);
        String attacker = tenantId(createTenant("attacker-" + shortId()));
        String attackerDashboard = dashboardOf(attacker);
        long victimEvents = eventsOf(victim);

        Map<String, Object> stolen = barWidget("stolen");
        stolen.put("id", victimWidget);
        admin(http.put().uri("/api/dashboards/{id}/widgets", attackerDashboard))
                .bodyValue(Map.of("widgets", List.of(stolen)))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEM + "conflict")
                .jsonPath("$.errors[0].field").isEqualTo("widgets[0].id");

        assertThat(eventsOf(attacker)).isEqualTo(3);
        assertThat(eventsOf(victim)).isEqualTo(victimEvents);
        assertThat(jdbc.queryForList("select payloadtype from domainevententry where aggregateidentifier = ?", String.class,
                attacker)).noneMatch(type -> type.contains("WidgetsReplaced"));
    }

    // --- widget configs: the schemas module's widget-config.schema.json --------------------------------

    /** The roadmap's "Revenue Trend Analysis" dataSource, interactions and caching, its query filtered by both filters. */
    private static final String REVENUE_TREND = """
            {"type": "line", "title": "Revenue Trend Analysis",
             "dataSource": {"type": "sql", "connection": "main",
               "query": "SELECT FORMAT(order_date, 'yyyy-MM') AS month, SUM(total_amount) AS revenue FROM orders WHERE region = {region} AND order_date BETWEEN {date_range.from} AND {date_range.to} GROUP BY FORMAT(order_date, 'yyyy-MM')"},
             "interactions": {"clickable": true,
               "drilldown": {"enabled": true, "target": "modal", "query": "SELECT * FROM orders WHERE FORMAT(order_date, 'yyyy-MM') = '{month}'"},
               "filters": [{"type": "date", "field": "date_range", "label": "Date Range", "default": "last_12_months"},
                           {"type": "select", "field": "region", "label": "Region", "options": ["All", "North", "South", "East", "West"]}]},
             "caching": {"enabled": true, "ttl": 300},
             "layout": {"x": 0, "y": 0, "width": 12, "height": 6}}
            """;

    @Test
    void a_phase_3_widget_with_the_roadmaps_data_source_interactions_and_caching_is_stored_as_sent() {
        String dashboardId = dashboardOf(tenantId(createTenant("phase3-" + shortId())));

        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue("{\"widgets\": [{\"name\": \"revenue-trend\", \"widget_type\": \"line\", \"config\": " + REVENUE_TREND + "}]}")
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.widgets[0].widget_type").isEqualTo("line")
                .jsonPath("$.widgets[0].config.dataSource.connection").isEqualTo("main")
                .jsonPath("$.widgets[0].config.interactions.filters[1].options[4]").isEqualTo("West")
                .jsonPath("$.widgets[0].config.interactions.drilldown.target").isEqualTo("modal")
                .jsonPath("$.widgets[0].config.caching.ttl").isEqualTo(300)
                .jsonPath("$.widgets[0].config.layout.width").isEqualTo(12);
    }

    /** REVENUE_TREND with the rest of the roadmap's example: visual options, two y axes and their series. */
    private static final String REVENUE_TREND_WITH_AXES = REVENUE_TREND.replace("\"caching\":", """
            "visual": {"colors": ["#3b82f6", "#10b981", "#f59e0b"], "theme": "dark", "showLegend": true, "showGrid": true, "animation": true},
            "chartConfig": {"xAxis": {"field": "month", "type": "category", "format": "MMM yyyy"},
              "yAxis": [{"field": "revenue", "type": "linear", "position": "left", "format": "currency"},
                        {"field": "order_count", "type": "linear", "position": "right", "format": "number"}],
              "series": [{"field": "revenue", "name": "Revenue", "type": "line", "yAxisIndex": 0, "smooth": true},
                         {"field": "order_count", "name": "Orders", "type": "line", "yAxisIndex": 1, "dashArray": "5,5"}]},
            "caching":""");

    @Test
    void the_roadmaps_example_with_its_axes_and_a_gauge_are_stored_and_the_grid_fields_place_them() {
        String dashboardId = dashboardOf(tenantId(createTenant("phase3axes-" + shortId())));
        String gauge = "{\"type\": \"gauge\", \"query\": \"SELECT 72 AS score\", \"chartConfig\": {\"min\": 0, \"max\": 100, \"target\": 80}}";

        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue("{\"widgets\": [{\"name\": \"revenue-trend\", \"widget_type\": \"line\", \"position_x\": 0, \"position_y\": 4,"
                        + " \"width\": 8, \"height\": 5, \"config\": " + REVENUE_TREND_WITH_AXES + "}, " + widgetJson("score", gauge) + "]}")
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.widgets[0].config.chartConfig.series[1].dashArray").isEqualTo("5,5")
                .jsonPath("$.widgets[0].config.layout.width").isEqualTo(12)
                .jsonPath("$.widgets[0].width").isEqualTo(8)
                .jsonPath("$.widgets[0].position_y").isEqualTo(4)
                .jsonPath("$.widgets[1].widget_type").isEqualTo("gauge")
                .jsonPath("$.widgets[1].config.chartConfig.target").isEqualTo(80);
    }

    @Test
    void a_series_on_a_missing_axis_an_unknown_theme_and_an_unknown_option_get_400_each_named() {
        String tenantId = tenantId(createTenant("phase3bad-" + shortId()));
        String dashboardId = dashboardOf(tenantId);
        String thirdAxis = REVENUE_TREND_WITH_AXES.replace("\"yAxisIndex\": 1", "\"yAxisIndex\": 2");
        String sepia = REVENUE_TREND_WITH_AXES.replace("\"theme\": \"dark\"", "\"theme\": \"sepia\", \"font\": \"Comic Sans\"");
        assertThat(List.of(thirdAxis, sepia)).doesNotContain(REVENUE_TREND_WITH_AXES);

        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue("{\"widgets\": [" + widgetJson("a", thirdAxis) + ", " + widgetJson("b", sepia) + "]}")
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEM + "validation-failed")
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[0].field").isEqualTo("widgets[0].config.chartConfig.series[1].yAxisIndex")
                .jsonPath("$.errors[0].message").isEqualTo("must be below 2, the number of chartConfig.yAxis entries")
                .jsonPath("$.errors[1].field").isEqualTo("widgets[1].config.visual.theme")
                .jsonPath("$.errors[1].message").isEqualTo("must be one of dark, light")
                .jsonPath("$.errors[2].field").isEqualTo("widgets[1].config.visual.font")
                .jsonPath("$.errors[2].message").isEqualTo("is not a property the schema knows here");
        assertThat(eventsOf(tenantId)).as("tenant, key and dashboard only").isEqualTo(3);
    }

    @Test
    void each_data_source_type_without_its_own_field_gets_400_naming_the_field_path() {
        String tenantId = tenantId(createTenant("dsfields-" + shortId()));
        String dashboardId = dashboardOf(tenantId);

        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue("{\"widgets\": ["
                        + widgetJson("by-sql", "{\"type\": \"bar\", \"dataSource\": {\"type\": \"sql\", \"connection\": \"main\"}}") + ", "
                        + widgetJson("by-api", "{\"type\": \"bar\", \"dataSource\": {\"type\": \"api\", \"connection\": \"crm\"}}") + ", "
                        + widgetJson("by-file", "{\"type\": \"bar\", \"dataSource\": {\"type\": \"file\", \"connection\": \"exports\"}}") + "]}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEM + "validation-failed")
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[0].field").isEqualTo("widgets[0].config.dataSource.query")
                .jsonPath("$.errors[0].message").isEqualTo("is required")
                .jsonPath("$.errors[1].field").isEqualTo("widgets[1].config.dataSource.endpoint")
                .jsonPath("$.errors[2].field").isEqualTo("widgets[2].config.dataSource.file");
        assertThat(eventsOf(tenantId)).as("tenant, key and dashboard only").isEqualTo(3);
    }

    @Test
    void an_unknown_filter_type_a_drilldown_without_query_and_a_wrong_ttl_get_400_each_named() {
        String dashboardId = dashboardOf(tenantId(createTenant("interact-" + shortId())));
        String slider = REVENUE_TREND.replace("\"type\": \"select\"", "\"type\": \"slider\"");
        String noDrilldownQuery = REVENUE_TREND.replace(", \"query\": \"SELECT * FROM orders WHERE FORMAT(order_date, 'yyyy-MM') = '{month}'\"", "");
        String ttlZero = REVENUE_TREND.replace("\"ttl\": 300", "\"ttl\": 0");
        String ttlText = REVENUE_TREND.replace("\"ttl\": 300", "\"ttl\": \"300\"");
        assertThat(List.of(slider, noDrilldownQuery, ttlZero, ttlText)).doesNotContain(REVENUE_TREND);

        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue("{\"widgets\": [" + widgetJson("a", REVENUE_TREND) + ", " + widgetJson("b", noDrilldownQuery) + ", "
                        + widgetJson("c", slider) + ", " + widgetJson("d", ttlZero) + ", " + widgetJson("e", ttlText) + "]}")
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(4)
                .jsonPath("$.errors[0].field").isEqualTo("widgets[1].config.interactions.drilldown.query")
                .jsonPath("$.errors[0].message").isEqualTo("is required")
                .jsonPath("$.errors[1].field").isEqualTo("widgets[2].config.interactions.filters[1].type")
                .jsonPath("$.errors[1].message").isEqualTo("must be one of date, multiselect, range, select")
                .jsonPath("$.errors[2].field").isEqualTo("widgets[3].config.caching.ttl")
                .jsonPath("$.errors[2].message").isEqualTo("must be at least 1")
                .jsonPath("$.errors[3].field").isEqualTo("widgets[4].config.caching.ttl")
                .jsonPath("$.errors[3].message").isEqualTo("string found, integer expected");
    }

    @Test
    void an_unknown_property_inside_data_source_gets_400_naming_it_and_the_answer_never_echoes_its_value() {
        String dashboardId = dashboardOf(tenantId(createTenant("dsextra-" + shortId())));
        String withPassword = REVENUE_TREND.replace("\"connection\": \"main\",", "\"connection\": \"main\", \"password\": \"s3cret-Pa55word\",");

        byte[] body = admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue("{\"widgets\": [" + widgetJson("leaky", withPassword) + "]}")
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("widgets[0].config.dataSource.password")
                .jsonPath("$.errors[0].message").isEqualTo("is not a property the schema knows here")
                .returnResult().getResponseBody();
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("s3cret-Pa55word");
    }

    @Test
    void a_placeholder_naming_no_filter_gets_400_naming_the_query_and_the_placeholder() {
        String dashboardId = dashboardOf(tenantId(createTenant("placeholder-" + shortId())));
        String typo = REVENUE_TREND.replace("region = {region}", "region = {regoin}");

        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue("{\"widgets\": [" + widgetJson("typo", typo) + "]}")
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("widgets[0].config.dataSource.query")
                .jsonPath("$.errors[0].message").isEqualTo(
                        "placeholder {regoin} names no filter; this widget's filters give {date_range.from}, {date_range.to}, {region}");
    }

    @Test
    void huge_config_values_get_400_naming_each_field_and_store_nothing() {
        String tenantId = tenantId(createTenant("hugecfg-" + shortId()));
        String dashboardId = dashboardOf(tenantId);
        String longEndpoint = "{\"type\": \"table\", \"dataSource\": {\"type\": \"api\", \"connection\": \"crm\","
                + " \"endpoint\": \"/" + "e".repeat(2000) + "\"}}";
        String longConnection = REVENUE_TREND.replace("\"connection\": \"main\"", "\"connection\": \"" + "m".repeat(65) + "\"");
        String farTtl = REVENUE_TREND.replace("\"ttl\": 300", "\"ttl\": 1e300");
        StringBuilder filters = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            filters.append(i == 0 ? "" : ", ").append("{\"type\": \"select\", \"field\": \"f").append(i).append("\"}");
        }
        String manyFilters = "{\"type\": \"bar\", \"query\": \"SELECT 1\", \"interactions\": {\"filters\": [" + filters + "]}}";

        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue("{\"widgets\": [" + widgetJson("a", longEndpoint) + ", " + widgetJson("b", longConnection) + ", "
                        + widgetJson("c", farTtl) + ", " + widgetJson("d", manyFilters) + "]}")
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(4)
                .jsonPath("$.errors[0].field").isEqualTo("widgets[0].config.dataSource.endpoint")
                .jsonPath("$.errors[0].message").isEqualTo("must be at most 2000 characters long")
                .jsonPath("$.errors[1].field").isEqualTo("widgets[1].config.dataSource.connection")
                .jsonPath("$.errors[2].field").isEqualTo("widgets[2].config.caching.ttl")
                .jsonPath("$.errors[2].message").isEqualTo("must be at most 86400")
                .jsonPath("$.errors[3].field").isEqualTo("widgets[3].config.interactions.filters");
        assertThat(eventsOf(tenantId)).isEqualTo(3);
    }

    private static String widgetJson(String name, String config) {
        return "{\"name\": \"" + name + "\", \"config\": " + config + "}";
    }

    // --- helpers -------------------------------------------------------------------------------

    private WebTestClient.RequestBodySpec admin(WebTestClient.RequestBodySpec spec) {
        return spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN).contentType(MediaType.APPLICATION_JSON);
    }

    private Map<String, Object> createTenant(String slug) {
        return createTenant(slug, 5, 20);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> createTenant(String slug, int maxDashboards, int maxWidgetsPerDashboard) {
        return admin(http.post().uri("/api/tenants")).bodyValue(Map.of("name", "Tenant " + slug, "slug", slug,
                        "max_dashboards", maxDashboards, "max_widgets_per_dashboard", maxWidgetsPerDashboard))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static String tenantId(Map<String, Object> created) {
        return (String) ((Map<String, Object>) created.get("tenant")).get("id");
    }

    private String dashboardOf(String tenantId) {
        return dashboardOf(tenantId, "sales");
    }

    private String dashboardOf(String tenantId, String slug) {
        return (String) admin(http.post().uri("/api/tenants/{id}/dashboards", tenantId))
                .bodyValue(Map.of("name", "Dashboard " + slug, "slug", slug))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private void replaceWidgets(String dashboardId, Map<String, Object> widget) {
        admin(http.put().uri("/api/dashboards/{id}/widgets", dashboardId))
                .bodyValue(Map.of("widgets", List.of(widget)))
                .exchange().expectStatus().isOk();
    }

    private String saveDraft(String tenantId) {
        return (String) admin(http.post().uri("/api/tenants/{id}/versions", tenantId))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private long eventsOf(String tenantId) {
        return jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?", Long.class, tenantId);
    }

    /** Widgets whose configs are 8,000 bytes as JSON each, just under the 8 KiB limit. */
    private static List<Map<String, Object>> largeWidgets(String prefix, int count) {
        List<Map<String, Object>> widgets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> widget = barWidget(prefix + "-w" + i);
            widget.put("config", Map.of("query", "SELECT 1", "type", "bar", "description", "d".repeat(7_950)));
            widgets.add(widget);
        }
        return widgets;
    }

    private static Map<String, Object> barWidget(String name) {
        Map<String, Object> widget = new HashMap<>();
        widget.put("name", name);
        widget.put("config", Map.of("query", "SELECT month, total FROM sales", "type", "bar"));
        return widget;
    }

    /** Reads the tenant's records from the topic until {@code expected} of them arrived. */
    private List<ConsumerRecord<String, byte[]>> recordsOf(String tenantId, int expected) {
        List<ConsumerRecord<String, byte[]>> found = recordsOf(tenantId, expected, Duration.ofSeconds(30));
        assertThat(found).as("records of tenant %s on %s", tenantId, Topics.EVENTS).hasSize(expected);
        return found;
    }

    /** The tenant's records that arrive within {@code patience}, stopping early once {@code expected} are there. */
    private List<ConsumerRecord<String, byte[]>> recordsOf(String tenantId, int expected, Duration patience) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.EVENTS));
            long deadline = System.nanoTime() + patience.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().equals(tenantId)) {
                        found.add(r);
                    }
                });
                if (found.size() >= expected) {
                    break;
                }
            }
        }
        return found;
    }

    private static EventEnvelope decode(ConsumerRecord<String, byte[]> record) {
        return new EventEnvelopeDeserializer().deserialize(Topics.EVENTS, record.value());
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
