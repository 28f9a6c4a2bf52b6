package io.flexboard.projector;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.flexboard.fold.TenantStory;
import io.flexboard.projector.consumer.EventsListener;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.wire.EventEnvelopeSerializer;
import io.flexboard.schemas.wire.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.flexboard.fold.TenantStory.widget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding the read models through the projector's ops API, against a real broker and the real
 * PostgreSQL. A database of its own: a rebuild makes the live read models what this broker's topic
 * holds, and other test classes' projectors write other brokers' tenants into the shared one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "flexboard.admin-token=" + RebuildTest.ADMIN_TOKEN,
        "flexboard.projector.retry.initial-interval=100ms",
        "flexboard.projector.retry.max-interval=300ms",
        "flexboard.projector.pruning.interval=1h",
        // Small batches and short intervals, so a story of a few dozen events is many batches.
        "flexboard.projector.rebuild.max-poll-records=7",
        "flexboard.projector.rebuild.progress-interval=200ms",
        "flexboard.projector.rebuild.lease=1s",
        "flexboard.projector.rebuild.rate-window=2s",
        "flexboard.projector.rebuild.switch-lag=10",
        "flexboard.projector.rebuild.gate-retry=100ms"})
@AutoConfigureWebTestClient
@Import(FailureHookConfig.class)
@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class RebuildTest {

    static final String ADMIN_TOKEN = "rebuild-test-admin-token";
    private static final TestDatabase.Separate DATABASE = TestDatabase.separate("rebuild");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ProjectionFailureHook failureHook;
    @Autowired
    MeterRegistry meters;
    @Autowired
    WebTestClient anonymous;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private final ReadModels readModels = new ReadModels(DATABASE.jdbcUrl());
    private final ReadModelSnapshot snapshot = new ReadModelSnapshot(DATABASE.jdbcUrl());
    private WebTestClient http;
    private TopicProducer<EventEnvelope> events;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }

    @BeforeEach
    void setUp() {
        http = anonymous.mutate().defaultHeader("Authorization", "Bearer " + ADMIN_TOKEN)
                .responseTimeout(Duration.ofSeconds(10)).build();
        events = new TopicProducer<>(broker.getBrokersAsString(), Topics.EVENTS, new EventEnvelopeSerializer(),
                EventEnvelope::getTenantId);
    }

    @AfterEach
    void tearDown() {
        failureHook.disarm();
        events.close();
        // A test that failed half-way must not leave a running rebuild to the next one (409).
        for (JsonNode rebuild : list()) {
            if (List.of("copying", "catching_up", "switching").contains(rebuild.path("phase").stringValue())) {
                http.delete().uri("/api/ops/rebuilds/" + rebuild.path("id").stringValue()).exchange();
            }
        }
    }

    @Test
    void given_a_rich_history_and_damaged_read_models_when_all_are_rebuilt_then_every_table_is_what_the_live_projector_built() throws Exception {
        List<TenantStory> stories = List.of(richStory("Acme"), richStory("Initech"), richStory("Globex"), richStory("Vandelay"));
        sendAndProject(stories);
        // last_sync comes from the agents' sync reports, not from the events: it must survive a rebuild.
        Instant lastSync = Instant.parse("2026-11-30T10:15:00Z");
        readModels.execute("update tenants set last_sync = ? where id = ?::uuid", lastSync, stories.get(0).tenantId);
        Map<String, List<Map<String, Object>>> projected = snapshot.take();
        TenantStory acme = stories.get(0);
        TenantStory initech = stories.get(1);
        readModels.execute("update dashboards set name = 'damaged' where id = ?::uuid", acme.dashboardId(0));
        readModels.execute("delete from widgets where id = (select id from widgets where tenant_id = ?::uuid limit 1)", acme.tenantId);
        readModels.execute("insert into api_keys (key_id, tenant_id, key_hash, key_prefix, created_at)"
                + " values (gen_random_uuid(), ?::uuid, 'not-a-key', 'fbk_nope', now())", acme.tenantId);
        readModels.execute("delete from event_history where tenant_id = ?::uuid and aggregate_sequence = 3", initech.tenantId);
        readModels.execute("update published_versions set published_configuration = '{}' where tenant_id = ?::uuid", acme.tenantId);
        readModels.execute("delete from published_versions where tenant_id = ?::uuid", initech.tenantId);
        TenantStory globex = stories.get(2);
        readModels.execute("update tenants set status = 'paused' where id = ?::uuid", globex.tenantId);

        try (PublishedNotifications notifications = new PublishedNotifications(DATABASE.jdbcUrl())) {
            JsonNode started = start("{}");
            assertThat(started.path("phase").stringValue()).isEqualTo("copying");
            assertThat(started.path("read_models")).extracting(JsonNode::stringValue).containsExactly(
                    "tenants", "api_keys", "dashboards", "widgets", "versions", "published_versions", "users",
                    "event_history", "tenant_positions");
            JsonNode done = awaitPhase(started.path("id").stringValue(), "done");

            assertThat(snapshot.take()).isEqualTo(projected);
            long eventsInTopic = eventsInTopic();
            assertThat(done.path("events_applied").asLong()).isEqualTo(eventsInTopic);
            assertThat(done.path("events_total").asLong()).isEqualTo(eventsInTopic);
            assertThat(done.path("eta_seconds").asLong()).isZero();
            assertThat(done.path("finished_at").isString()).isTrue();
            assertThat(done.path("switch_ms").isNumber()).isTrue();
            JsonNode changed = done.path("rows_changed");
            assertThat(changes(changed, "dashboards")).containsExactly(1L, 1L);
            assertThat(changes(changed, "widgets")).containsExactly(0L, 1L);
            assertThat(changes(changed, "api_keys")).containsExactly(1L, 0L);
            assertThat(changes(changed, "event_history")).containsExactly(0L, 1L);
            assertThat(changes(changed, "published_versions")).containsExactly(1L, 2L);
            assertThat(changes(changed, "tenants")).containsExactly(1L, 1L);
            assertThat(changes(changed, "tenant_positions")).containsExactly(0L, 0L);
            // Dropped right after the switch-over's commit.
            await().atMost(TIMEOUT).until(() -> !schemaExists(done.path("target_schema").stringValue()));
            // agent-bridge refreshes exactly the answers that changed (published version, pause); the
            // history's old publishes and pauses are not announced again.
            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(notifications.forTenant(acme.tenantId)).containsExactly(acme.tenantId + ":3");
                assertThat(notifications.forTenant(initech.tenantId)).containsExactly(initech.tenantId + ":3");
                assertThat(notifications.forTenant(globex.tenantId)).containsExactly(globex.tenantId + ":3");
            });
            assertThat(notifications.forTenant(stories.get(3).tenantId)).isEmpty();
        }
    }

    @Test
    void given_events_arriving_throughout_the_rebuild_when_it_switches_over_then_every_event_is_applied_exactly_once() throws Exception {
        List<TenantStory> stories = new ArrayList<>(List.of(richStory("Umbrella"), richStory("Cyberdyne")));
        sendAndProject(stories);
        // The rebuild stalls on an event the live projector applied long ago, until the hook is disarmed.
        failureHook.armFor(stories.get(1).event(9));

        try (PublishedNotifications notifications = new PublishedNotifications(DATABASE.jdbcUrl());
             Growth growth = new Growth(stories)) {
            String id = start("{}").path("id").stringValue();
            // The progress shown is stored every progress-interval: it shows the stall a moment after it happens.
            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(failureHook.failures()).isGreaterThanOrEqualTo(2);
                JsonNode stalled = rebuild(id);
                assertThat(stalled.path("phase").stringValue()).isEqualTo("copying");
                assertThat(stalled.path("events_total").asLong()).isEqualTo(eventsInTopic());
                assertThat(stalled.path("events_applied").asLong()).isBetween(1L, eventsInTopic() - 1);
                assertThat(stalled.path("error").stringValue()).contains("Could not apply a batch");
            });
            assertThat(meters.get("flexboard.projector.rebuild.running").gauge().value()).isEqualTo(1.0);

            growth.start();
            await().atMost(TIMEOUT).until(() -> growth.sent() >= 15);
            failureHook.disarm();
            awaitPhase(id, "done");
            int sentAtSwitch = growth.sent();
            await().atMost(TIMEOUT).until(() -> growth.sent() >= sentAtSwitch + 15);
            growth.close();

            for (TenantStory story : growth.stories()) {
                await().atMost(TIMEOUT).until(() -> story.lastSequence() == position(story));
                assertThat(readModels.number("select count(*) from event_history where tenant_id = '" + story.tenantId + "'"))
                        .isEqualTo(story.lastSequence() + 1);
                assertThat(readModels.number("select count(*) from dashboards d where tenant_id = '" + story.tenantId
                        + "' and widget_count <> (select count(*) from widgets w where w.dashboard_id = d.id)")).isZero();
                assertThat(readModels.number("select count(*) from tenants t where id = '" + story.tenantId
                        + "' and dashboard_count <> (select count(*) from dashboards d where d.tenant_id = t.id)")).isZero();
                // Each publish heard at most once, none of the history's old ones again, and the newest one last.
                List<String> heard = notifications.forTenant(story.tenantId);
                assertThat(heard).doesNotHaveDuplicates().isSubsetOf(growth.publishes(story));
                if (!growth.publishes(story).isEmpty()) {
                    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(notifications.forTenant(story.tenantId))
                            .last().isEqualTo(growth.publishes(story).get(growth.publishes(story).size() - 1)));
                }
            }
        }
        // A second rebuild of everything finds nothing to change: the live read models are the history's projection.
        JsonNode again = awaitPhase(start("{}").path("id").stringValue(), "done");
        for (String table : ReadModelSnapshot.TABLES) {
            assertThat(changes(again.path("rows_changed"), table)).as(table).containsExactly(0L, 0L);
        }
    }

    @Test
    void given_damaged_dashboards_when_only_dashboards_are_rebuilt_then_they_are_repaired_and_no_other_read_model_is_touched() {
        TenantStory story = richStory("Hooli");
        sendAndProject(List.of(story));
        Map<String, List<Map<String, Object>>> projected = snapshot.take();
        String sales = story.dashboardId(0);
        readModels.execute("update dashboards set name = 'damaged', widget_count = 99 where id = ?::uuid", sales);
        readModels.execute("insert into dashboards (id, tenant_id, name, slug, widget_count, created_at, updated_at)"
                + " values (gen_random_uuid(), ?::uuid, 'ghost', 'ghost', 0, now(), now())", story.tenantId);
        readModels.execute("update tenants set name = 'also damaged' where id = ?::uuid", story.tenantId);

        JsonNode started = start("{\"read_models\": [\"dashboards\"]}");
        assertThat(started.path("read_models")).extracting(JsonNode::stringValue).containsExactly("dashboards");
        JsonNode done = awaitPhase(started.path("id").stringValue(), "done");

        Map<String, List<Map<String, Object>>> now = snapshot.take();
        assertThat(now.get("dashboards")).isEqualTo(projected.get("dashboards"));
        assertThat(readModels.row("select name from tenants where id = ?", story.tenantId))
                .as("a read model that was not asked for stays as it is").containsEntry("name", "also damaged");
        for (String table : List.of("api_keys", "widgets", "versions", "published_versions", "event_history", "tenant_positions")) {
            assertThat(now.get(table)).as(table).isEqualTo(projected.get(table));
        }
        assertThat(done.path("rows_changed").propertyNames()).containsExactly("dashboards");
        assertThat(changes(done.path("rows_changed"), "dashboards")).containsExactly(2L, 1L);
        readModels.execute("update tenants set name = 'Hooli' where id = ?::uuid", story.tenantId);
    }

    @Test
    void given_the_live_projector_behind_when_one_read_model_is_rebuilt_then_it_stops_exactly_where_the_live_projector_is() {
        TenantStory story = richStory("Massive");
        sendAndProject(List.of(story));
        MessageListenerContainer live = listeners.getListenerContainer(EventsListener.LISTENER_ID);
        live.stop();
        try {
            story.dashboardCreated("Late", "late");
            events.send(List.of(story.event(story.lastSequence())));

            JsonNode done = awaitPhase(start("{\"read_models\": [\"dashboards\"]}").path("id").stringValue(), "done");

            // Applying the event the live projector has not would make it insert the dashboard a second time.
            assertThat(readModels.rows("select slug from dashboards where tenant_id = ?", story.tenantId))
                    .extracting(row -> row.get("slug")).doesNotContain("late");
            assertThat(changes(done.path("rows_changed"), "dashboards")).containsExactly(0L, 0L);
        } finally {
            live.start();
        }
        await().atMost(TIMEOUT).until(() -> story.lastSequence() == position(story));
        assertThat(readModels.rows("select slug from dashboards where tenant_id = ?", story.tenantId))
                .extracting(row -> row.get("slug")).containsOnlyOnce("late");
        assertThat(readModels.row("select dashboard_count from tenants where id = ?", story.tenantId))
                .containsEntry("dashboard_count", 4);
    }

    @Test
    void given_a_running_rebuild_when_another_is_started_then_conflict_and_when_cancelled_then_the_live_read_models_stay_as_they_were() {
        TenantStory story = richStory("Soylent");
        sendAndProject(List.of(story));
        Map<String, List<Map<String, Object>>> projected = snapshot.take();
        failureHook.armFor(story.event(12));
        JsonNode running = start(null);
        String id = running.path("id").stringValue();
        await().atMost(TIMEOUT).until(() -> failureHook.failures() >= 1);

        http.post().uri("/api/ops/rebuilds").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"read_models\": [\"tenants\"]}")
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://flexboard.io/problems/conflict");

        http.delete().uri("/api/ops/rebuilds/" + id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.phase").isEqualTo("cancelled").jsonPath("$.finished_at").isNotEmpty();
        await().atMost(TIMEOUT).until(() -> !schemaExists(running.path("target_schema").stringValue()));
        http.delete().uri("/api/ops/rebuilds/" + id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.phase").isEqualTo("cancelled");
        assertThat(snapshot.take()).isEqualTo(projected);
        assertThat(list()).extracting(rebuild -> rebuild.path("id").stringValue()).first().isEqualTo(id);

        failureHook.disarm();
        JsonNode next = awaitPhase(start(null).path("id").stringValue(), "done");
        http.delete().uri("/api/ops/rebuilds/" + next.path("id").stringValue()).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("done"));
    }

    @Test
    void given_invalid_requests_when_a_rebuild_is_asked_then_problems_name_the_offending_field() {
        assertInvalid("{\"read_models\": [\"dashboards\", \"nope\"]}", "read_models[1]", "unknown read model nope");
        assertInvalid("{\"read_models\": [\"sync_reports\"]}", "read_models[0]", "flexboard.agent-syncs");
        assertInvalid("{\"read_models\": [\"tenant_positions\"]}", "read_models[0]", "omit read_models");
        assertInvalid("{\"read_models\": [42]}", "read_models[0]", "must be a read model name");
        assertInvalid("{\"read_models\": []}", "read_models", "leave it out");
        assertInvalid("{\"read_models\": \"dashboards\"}", "read_models", "must be an array");
        http.post().uri("/api/ops/rebuilds").contentType(MediaType.APPLICATION_JSON).bodyValue("{not json").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://flexboard.io/problems/malformed-request");

        anonymous.post().uri("/api/ops/rebuilds").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.type").isEqualTo("https://flexboard.io/problems/unauthorized");
        anonymous.get().uri("/api/ops/rebuilds").header("Authorization", "Bearer not-the-token").exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/api/ops/rebuilds/6f1c0000-0000-4000-8000-000000000000").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://flexboard.io/problems/not-found");
        http.delete().uri("/api/ops/rebuilds/6f1c0000-0000-4000-8000-000000000000").exchange().expectStatus().isNotFound();
        // A route that does not exist: 404 with the admin token as without it.
        http.get().uri("/api/ops/nothing-here").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://flexboard.io/problems/not-found");
        http.get().uri("/api/ops/rebuilds/not-an-id").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://flexboard.io/problems/malformed-request");
        anonymous.get().uri("/health").exchange().expectStatus().isOk();
    }

    @Test
    void given_hostile_bodies_when_a_rebuild_is_asked_then_each_answers_400_and_no_rebuild_starts() {
        int before = http.get().uri("/api/ops/rebuilds").exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody().size();
        String deep = "[".repeat(5_000) + "]".repeat(5_000);

        for (String body : List.of("{\"read_models\": [\"dash\\u0000boards\"]}", "{\"read_models\": [\"\\ud800\"]}",
                "{\"read_models\": [\"" + "x".repeat(100_000) + "\"]}", "{\"read_models\": " + deep + "}",
                "{\"read_models\": [1e99999]}", "\"dashboards\"", "[\"dashboards\"]", "{\"read_models\": {\"0\": \"tenants\"}}")) {
            http.post().uri("/api/ops/rebuilds").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        http.get().uri("/api/ops/rebuilds").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(before);
    }

    private void assertInvalid(String body, String field, String message) {
        http.post().uri("/api/ops/rebuilds").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://flexboard.io/problems/validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").value(text -> assertThat((String) text).contains(message));
    }

    /** Keys, two dashboards, widgets replaced, drafts, publishes that archive, a pause and a restored draft: 19 events. */
    private static TenantStory richStory(String name) {
        TenantStory story = TenantStory.newTenant(name);
        story.apiKeyIssued();
        String sales = story.dashboardCreated("Sales", "sales");
        String ops = story.dashboardCreated("Ops", "ops");
        story.widgetsReplaced(sales, widget(sales, "sales-by-month", "bar", 0, 0), widget(sales, "revenue-total", "kpi", 6, 0));
        story.widgetsReplaced(ops, widget(ops, "open-tickets", "table", 0, 0));
        story.versionPublished(story.draftSaved());
        story.widgetsReplaced(sales, widget(sales, "revenue-total", "kpi", 0, 0), widget(sales, "orders-by-region", "pie", 6, 0));
        story.draftSaved();
        story.versionPublished(2);
        story.apiKeyIssued();
        story.tenantPaused("invoice overdue");
        story.tenantActivated();
        story.widgetsReplaced(ops);
        story.draftRestored(1);
        story.versionPublished(3);
        story.dashboardCreated("Empty", "empty");
        return story;
    }

    @Test
    void given_a_skipped_event_and_a_quarantined_tenant_when_all_are_rebuilt_then_the_rebuild_ends_where_the_live_projector_is() {
        TenantStory skipped = TenantStory.newTenant("Skipped");
        skipped.apiKeyIssued();
        skipped.dashboardCreated("Sales", "sales");
        skipped.apiKeyIssued();
        failureHook.armPoisonFor(skipped.event(2));
        events.send(skipped.events());
        await().atMost(TIMEOUT).until(() -> readModels.number("select count(*) from held_events where tenant_id = '%s'"
                .formatted(skipped.tenantId)) == 1);
        http.post().uri("/api/ops/quarantines/{tenant}/skip", skipped.tenantId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("actor", "ops@vendor.example", "reason", "bad dashboard")).exchange().expectStatus().isOk();
        TenantStory quarantined = TenantStory.newTenant("Quarantined");
        quarantined.apiKeyIssued();
        quarantined.dashboardCreated("Sales", "sales");
        quarantined.apiKeyIssued();
        // Still armed when the rebuild runs: a rebuild that replayed the quarantined event would fail on it.
        failureHook.armPoisonFor(quarantined.event(2));
        events.send(quarantined.events());
        await().atMost(TIMEOUT).until(() -> readModels.number("select count(*) from held_events where tenant_id = '%s'"
                .formatted(quarantined.tenantId)) == 1);
        Map<String, List<Map<String, Object>>> live = snapshot.take();

        awaitPhase(start("{}").path("id").stringValue(), "done");

        assertThat(snapshot.take()).isEqualTo(live);
        assertThat(position(skipped)).isEqualTo(3);
        assertThat(position(quarantined)).isEqualTo(1);
        assertThat(readModels.rows("select * from dashboards where tenant_id = ?", skipped.tenantId)).isEmpty();

        // Leaves no quarantine to the other tests, whose rebuilds count every event of the topic as applied.
        failureHook.disarm();
        http.post().uri("/api/ops/quarantines/{tenant}/retry", quarantined.tenantId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("actor", "ops@vendor.example", "reason", "fixed")).exchange().expectStatus().isOk();
        assertThat(position(quarantined)).isEqualTo(3);
    }

    private void sendAndProject(List<TenantStory> stories) {
        stories.forEach(story -> events.send(story.events()));
        for (TenantStory story : stories) {
            await().atMost(TIMEOUT).until(() -> story.lastSequence() == position(story));
        }
    }

    private long position(TenantStory story) {
        Long position = readModels.position(story.tenantId);
        return position == null ? -1 : position;
    }

    private long eventsInTopic() {
        return readModels.number("select coalesce(sum(aggregate_sequence + 1), 0) from tenant_positions");
    }

    private JsonNode start(String body) {
        WebTestClient.RequestBodySpec post = http.post().uri("/api/ops/rebuilds");
        WebTestClient.ResponseSpec response = body == null ? post.exchange()
                : post.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        String json = response.expectStatus().isAccepted()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/ops/rebuilds/"))
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(json);
    }

    private JsonNode rebuild(String id) {
        return JSON.readTree(http.get().uri("/api/ops/rebuilds/" + id).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private List<JsonNode> list() {
        List<JsonNode> rebuilds = new ArrayList<>();
        JSON.readTree(http.get().uri("/api/ops/rebuilds").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).forEach(rebuilds::add);
        return rebuilds;
    }

    private JsonNode awaitPhase(String id, String phase) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode rebuild = rebuild(id);
            assertThat(rebuild.path("phase").stringValue()).as(rebuild.toString()).isIn(phase, "copying", "catching_up", "switching");
            assertThat(rebuild.path("phase").stringValue()).isEqualTo(phase);
        });
        return rebuild(id);
    }

    private static List<Long> changes(JsonNode rowsChanged, String table) {
        JsonNode changes = rowsChanged.path(table);
        return List.of(changes.path("deleted").asLong(-1), changes.path("inserted").asLong(-1));
    }

    private boolean schemaExists(String schema) {
        return readModels.number("select count(*) from pg_namespace where nspname = '" + schema + "'") > 0;
    }

    /**
     * Keeps sending valid events while a rebuild runs: the given tenants and a new one build
     * dashboards, save drafts and publish, one event at a time, each tenant's in order.
     */
    private final class Growth implements AutoCloseable {

        private final List<TenantStory> stories = new CopyOnWriteArrayList<>();
        private final Map<String, List<String>> publishes = new ConcurrentHashMap<>();
        private final Map<String, Long> lastSent = new ConcurrentHashMap<>();
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread = new Thread(this::run, "rebuild-test-growth");

        /** The existing tenants' events are all sent already. */
        Growth(List<TenantStory> existing) {
            stories.addAll(existing);
            existing.forEach(story -> lastSent.put(story.tenantId, story.lastSequence()));
        }

        void start() {
            thread.start();
        }

        int sent() {
            return sent.get();
        }

        List<TenantStory> stories() {
            return List.copyOf(stories);
        }

        List<String> publishes(TenantStory story) {
            return List.copyOf(publishes.getOrDefault(story.tenantId, List.of()));
        }

        private void run() {
            TenantStory newcomer = null;
            for (int round = 0; running.get(); round++) {
                if (newcomer == null) {
                    newcomer = TenantStory.newTenant("Newcomer");
                    stories.add(newcomer);
                    send(newcomer);
                }
                TenantStory story = stories.get(round % stories.size());
                int step = round / stories.size();
                String dashboard = story == newcomer && step == 0
                        ? story.dashboardCreated("Board", "board") : story.dashboardId(0);
                if (story == newcomer && step == 0) {
                    send(story);
                }
                story.widgetsReplaced(dashboard, widget(dashboard, "w-" + step, "bar", 0, 0));
                send(story);
                int version = story.draftSaved();
                send(story);
                story.versionPublished(version);
                publishes.computeIfAbsent(story.tenantId, t -> new CopyOnWriteArrayList<>()).add(story.tenantId + ":" + version);
                send(story);
                sleep();
            }
        }

        /** Sends the story's events not sent yet one at a time (a publish after the first archives one first: two events). */
        private void send(TenantStory story) {
            for (long sequence = lastSent.getOrDefault(story.tenantId, -1L) + 1; sequence <= story.lastSequence(); sequence++) {
                events.send(List.of(story.event(sequence)));
                sent.incrementAndGet();
            }
            lastSent.put(story.tenantId, story.lastSequence());
        }

        private void sleep() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.set(false);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }
    }
}
