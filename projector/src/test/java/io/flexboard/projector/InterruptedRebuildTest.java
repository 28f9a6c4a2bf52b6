package io.flexboard.projector;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flexboard.fold.TenantStory;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.wire.EventEnvelopeSerializer;
import io.flexboard.schemas.wire.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.flexboard.fold.TenantStory.widget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild survives its projector: stopped mid-way with the whole application context, it is
 * resumed by the next projector from the offsets its last committed batch stored, and ends with
 * the same read models. Contexts are started by hand, so that one can stop and another start
 * against the same broker and database.
 */
@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS})
class InterruptedRebuildTest {

    private static final TestDatabase.Separate DATABASE = TestDatabase.separate("rebuild_resume");
    private static final String ADMIN_TOKEN = "resume-test-admin-token";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReadModels readModels = new ReadModels(DATABASE.jdbcUrl());
    private final ReadModelSnapshot snapshot = new ReadModelSnapshot(DATABASE.jdbcUrl());

    @Test
    void given_a_rebuild_stopped_with_its_projector_when_a_projector_starts_again_then_it_resumes_from_the_stored_offsets_and_ends_equal(
            EmbeddedKafkaBroker broker) {
        List<TenantStory> stories = List.of(story("Wayne"), story("Stark"), story("Tyrell"), story("Weyland"));
        TenantStory last = stories.get(stories.size() - 1);
        Map<String, List<Map<String, Object>>> projected;
        String id;
        String schema;
        try (ConfigurableApplicationContext first = projector(broker);
             TopicProducer<EventEnvelope> events = new TopicProducer<>(broker.getBrokersAsString(), Topics.EVENTS,
                     new EventEnvelopeSerializer(), EventEnvelope::getTenantId)) {
            stories.forEach(story -> events.send(story.events()));
            for (TenantStory story : stories) {
                await().atMost(TIMEOUT).until(() -> Long.valueOf(story.lastSequence()).equals(readModels.position(story.tenantId)));
            }
            projected = snapshot.take();
            // The rebuild stops making progress early in a tenant's history (applied live long ago) and retries
            // it, in the copying phase: the tenant's later events keep it more than switch-lag behind.
            ProjectionFailureHook hook = first.getBean(ProjectionFailureHook.class);
            hook.armFor(last.event(3));
            JsonNode started = JSON.readTree(http(first).post().uri("/api/ops/rebuilds").exchange()
                    .expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody());
            id = started.path("id").stringValue();
            schema = started.path("target_schema").stringValue();
            await().atMost(TIMEOUT).until(() -> hook.failures() >= 1);
        }
        // Read once the first projector is gone: until then, batches without the failing event still commit.
        long stored = readModels.number("select sum(next_offset) from " + schema + ".rebuild_offsets");
        assertThat(stored).as("batches before the failing one committed their offsets").isBetween(1L, eventsInTopic() - 1);
        assertThat(readModels.all("select status, owner from rebuilds where id = '" + id + "'"))
                .as("released by the projector that stopped, to be resumed")
                .containsExactly(ReadModels.columns("status", "copying", "owner", null));

        try (ConfigurableApplicationContext second = projector(broker)) {
            WebTestClient http = http(second);
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> "done".equals(JSON.readTree(
                    http.get().uri("/api/ops/rebuilds/" + id).exchange().expectStatus().isOk()
                            .expectBody(String.class).returnResult().getResponseBody()).path("phase").stringValue()));

            MeterRegistry meters = second.getBean(MeterRegistry.class);
            assertThat(meters.counter("flexboard.projector.rebuild.events.projected", "outcome", "applied").count())
                    .as("only what the first projector had not committed").isEqualTo(eventsInTopic() - stored);
            assertThat(meters.counter("flexboard.projector.rebuild.events.projected", "outcome", "duplicate").count())
                    .as("nothing read twice").isZero();
            assertThat(snapshot.take()).isEqualTo(projected);
        }
    }

    private long eventsInTopic() {
        return readModels.number("select sum(aggregate_sequence + 1) from tenant_positions");
    }

    private static TenantStory story(String name) {
        TenantStory story = TenantStory.tenantWithPublishedVersion(name);
        String board = story.dashboardCreated("Board", "board");
        for (int round = 0; round < 4; round++) {
            story.widgetsReplaced(board, widget(board, "w-" + round, "line", 0, 0));
            story.versionPublished(story.draftSaved());
        }
        return story;
    }

    private static ConfigurableApplicationContext projector(EmbeddedKafkaBroker broker) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.kafka.bootstrap-servers", broker.getBrokersAsString());
        properties.put("spring.r2dbc.url", DATABASE.r2dbcUrl());
        properties.put("spring.r2dbc.username", TestDatabase.USER);
        properties.put("spring.flyway.url", DATABASE.jdbcUrl());
        properties.put("spring.flyway.user", TestDatabase.USER);
        properties.put("flexboard.admin-token", ADMIN_TOKEN);
        properties.put("flexboard.projector.retry.initial-interval", "100ms");
        properties.put("flexboard.projector.retry.max-interval", "300ms");
        properties.put("flexboard.projector.rebuild.max-poll-records", "5");
        properties.put("flexboard.projector.rebuild.progress-interval", "200ms");
        properties.put("flexboard.projector.rebuild.lease", "1s");
        properties.put("flexboard.projector.rebuild.switch-lag", "10");
        // As arguments, so they win over application.yml (builder properties are only defaults).
        return new SpringApplicationBuilder(ProjectorApplication.class, FailureHookConfig.class)
                .run(properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                        .toArray(String[]::new));
    }

    private static WebTestClient http(ConfigurableApplicationContext context) {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
                .defaultHeader("Authorization", "Bearer " + ADMIN_TOKEN)
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }
}
