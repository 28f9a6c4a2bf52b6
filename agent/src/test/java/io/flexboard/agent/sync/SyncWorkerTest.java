package io.flexboard.agent.sync;

import static io.flexboard.agent.support.PublishedConfigurations.publishedVersion;
import static io.flexboard.agent.support.PublishedConfigurations.publishedVersionWithUnknownType;
import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.agent.support.NoDataSources;
import io.flexboard.agent.AgentJson;
import io.flexboard.agent.serving.LocalConfigServer;
import io.flexboard.agent.serving.ServedState;
import io.flexboard.agent.store.AppliedConfiguration;
import io.flexboard.agent.store.PublishedConfigurationStore;
import io.flexboard.agent.support.FakeControlPlane;
import io.flexboard.agent.support.MutableClock;
import io.flexboard.agent.support.RecordingSleeper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.Set;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The sync loop against a bridge stand-in on a real socket, with a fake clock and no real sleeps. */
@Timeout(120)
class SyncWorkerTest {

    private static final String TENANT = "6f1c1a52-3b7e-4f57-9d1a-0c3f2a9b8e11";
    private static final Duration FULL_RESYNC = Duration.ofHours(1);
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    @TempDir
    Path dataDir;

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final ServedState served = new ServedState();
    private final HttpClient viewer = HttpClient.newHttpClient();
    private List<ReportedDataSource> dataSources = List.of();
    private FakeControlPlane controlPlane;
    private LocalConfigServer localServer;

    @BeforeEach
    void start() throws IOException {
        controlPlane = FakeControlPlane.started();
        localServer = LocalConfigServer.start(0, Set.of(), served, NoDataSources.widgetData());
    }

    @AfterEach
    void stop() {
        localServer.close();
        controlPlane.close();
    }

    @Test
    void given_a_published_version_when_the_agent_syncs_then_it_is_applied_to_disk_served_and_the_next_sync_asks_from_it() throws Exception {
        controlPlane.publish(publishedVersion(1));
        SyncWorker worker = worker(FakeControlPlane.API_KEY);

        Duration pause = worker.syncOnce();

        JsonNode first = controlPlane.lastRequest();
        assertThat(first.path("tenant_id").stringValue()).isEqualTo(TENANT);
        assertThat(first.path("current_version").longValue()).isZero();
        assertThat(first.path("applied_version").longValue()).isZero();
        assertThat(first.path("agent_id").stringValue()).isEqualTo("agent-1");
        assertThat(first.path("wait_seconds").intValue()).isEqualTo(1);
        assertThat(first.path("last_status").isNull()).isTrue();
        assertThat(file("current.json").path("version").longValue()).isEqualTo(1);
        assertThat(file("status.json").path("last_status").stringValue()).isEqualTo("success");
        assertThat(servedVersion()).isEqualTo("1");
        assertThat(pause).as("an answer at once is followed by the spacing and a random spread (0.5 × 2 s here)")
                .isEqualTo(SyncWorker.MIN_SYNC_SPACING.plusSeconds(1));

        worker.syncOnce();

        JsonNode second = controlPlane.lastRequest();
        assertThat(second.path("current_version").longValue()).isEqualTo(1);
        assertThat(second.path("applied_version").longValue()).isEqualTo(1);
        assertThat(second.path("last_status").stringValue()).isEqualTo("success");
        assertThat(second.path("last_error").isNull()).isTrue();
        assertThat(file("status.json").path("last_status").stringValue()).isEqualTo("up-to-date");
    }

    @Test
    void given_the_control_plane_throttles_when_the_agent_syncs_then_it_waits_at_least_retry_after_and_reports_it() throws Exception {
        controlPlane.publish(publishedVersion(1));
        controlPlane.answerNextWith(429, FakeControlPlane.problem(429, "slow down"), Map.of("Retry-After", "30"));
        SyncWorker worker = worker(FakeControlPlane.API_KEY);

        Duration pause = worker.syncOnce();

        assertThat(pause).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(worker.current().version()).isZero();

        worker.syncOnce();

        JsonNode next = controlPlane.lastRequest();
        assertThat(next.path("last_status").stringValue()).isEqualTo("error");
        assertThat(next.path("last_error").stringValue()).isEqualTo("HTTP 429: slow down");
        assertThat(worker.current().version()).isEqualTo(1);
    }

    @Test
    void given_a_control_plane_asking_to_wait_for_days_when_the_agent_syncs_then_it_waits_only_the_cap_before_trying_again() throws Exception {
        controlPlane.publish(publishedVersion(1));
        controlPlane.answerNextWith(429, FakeControlPlane.problem(429, "go away"), Map.of("Retry-After", "2592000"));
        controlPlane.answerNextWith(503, FakeControlPlane.problem(503, "go away"), Map.of("Retry-After", "Fri, 31 Dec 2100 23:59:59 GMT"));
        SyncWorker worker = worker(FakeControlPlane.API_KEY);

        Duration afterSeconds = worker.syncOnce();
        Duration afterDate = worker.syncOnce();

        // the cap plus a random tenth of it (0.5 here)
        assertThat(afterSeconds).isEqualTo(MAX_RETRY_AFTER.plusSeconds(15));
        assertThat(afterDate).isEqualTo(MAX_RETRY_AFTER.plusSeconds(15));
    }

    @Test
    void given_nothing_new_answered_at_once_as_a_stopping_replica_answers_its_parked_agents_when_two_agents_repoll_then_their_pauses_differ() throws Exception {
        controlPlane.publish(publishedVersion(1));
        SyncWorker early = worker(FakeControlPlane.API_KEY, () -> 0.25);
        early.syncOnce();
        SyncWorker late = worker(FakeControlPlane.API_KEY, () -> 0.75);

        Duration earlyPause = early.syncOnce();
        Duration latePause = late.syncOnce();

        assertThat(file("status.json").path("last_status").stringValue()).isEqualTo("up-to-date");
        assertThat(earlyPause).isEqualTo(SyncWorker.MIN_SYNC_SPACING.plusMillis(500));
        assertThat(latePause).isEqualTo(SyncWorker.MIN_SYNC_SPACING.plusMillis(1500));
    }

    @Test
    void given_the_control_plane_down_when_it_comes_back_then_the_agent_served_the_last_good_meanwhile_and_catches_up() throws Exception {
        controlPlane.publish(publishedVersion(1));
        SyncWorker worker = worker(FakeControlPlane.API_KEY);
        worker.syncOnce();
        controlPlane.goDown();
        controlPlane.publish(publishedVersion(2));

        Duration first = worker.syncOnce();
        Duration second = worker.syncOnce();
        Duration third = worker.syncOnce();

        assertThat(first).isEqualTo(Duration.ofMillis(500));
        assertThat(second).isEqualTo(Duration.ofSeconds(1));
        assertThat(third).isEqualTo(Duration.ofSeconds(2));
        assertThat(servedVersion()).as("the viewer is served the last good version during the outage").isEqualTo("1");
        assertThat(file("status.json").path("last_error").stringValue()).startsWith("cannot reach");

        controlPlane.comeBack();
        worker.syncOnce();

        JsonNode report = controlPlane.lastRequest();
        assertThat(report.path("applied_version").longValue()).isEqualTo(1);
        assertThat(report.path("last_status").stringValue()).isEqualTo("error");
        assertThat(report.path("last_error").stringValue()).startsWith("cannot reach " + controlPlane.url());
        assertThat(servedVersion()).isEqualTo("2");
        assertThat(file("current.json").path("version").longValue()).isEqualTo(2);

        controlPlane.goDown();
        assertThat(worker.syncOnce()).as("the back-off starts over after a success").isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void given_the_control_plane_gone_for_a_long_time_when_it_comes_back_then_the_agent_asked_at_least_once_per_hold_and_applies_the_newest_at_once() throws Exception {
        controlPlane.publish(publishedVersion(1));
        // The worker's hold is 1 s (its settings); the back-off is capped at that hold, as the agent builds it.
        SyncWorker worker = worker(FakeControlPlane.API_KEY, new Backoff(() -> 0.999, Backoff.capFor(Duration.ofSeconds(1)), MAX_RETRY_AFTER));
        worker.syncOnce();
        controlPlane.goDown();
        controlPlane.publish(publishedVersion(2));

        // a long outage (far past the attempts that reach 60 s uncapped): no pause is longer than one hold
        for (int attempt = 0; attempt < 40; attempt++) {
            assertThat(worker.syncOnce()).isLessThanOrEqualTo(Duration.ofSeconds(1));
        }
        assertThat(servedVersion()).as("the last good version is served all along").isEqualTo("1");

        controlPlane.comeBack();
        worker.syncOnce();

        assertThat(servedVersion()).as("the first sync after the return applies the newest").isEqualTo("2");
    }

    @Test
    void given_an_invalid_update_when_the_agent_syncs_then_the_last_good_is_kept_and_the_error_reported_on_the_next_sync() throws Exception {
        controlPlane.publish(publishedVersion(1));
        SyncWorker worker = worker(FakeControlPlane.API_KEY);
        worker.syncOnce();
        controlPlane.publish(publishedVersionWithUnknownType(2));

        Duration pause = worker.syncOnce();

        assertThat(pause).as("refusing the same update must not become a tight loop").isEqualTo(Duration.ofMillis(500));
        assertThat(file("current.json").path("version").longValue()).isEqualTo(1);
        assertThat(servedVersion()).isEqualTo("1");
        assertThat(file("status.json").path("last_status").stringValue()).isEqualTo("error");

        worker.syncOnce();

        JsonNode report = controlPlane.lastRequest();
        assertThat(report.path("applied_version").longValue()).isEqualTo(1);
        assertThat(report.path("last_status").stringValue()).isEqualTo("error");
        assertThat(report.path("last_error").stringValue())
                .contains("invalid metadata for version 2").contains("metadata.config.sales-by-month.type");
    }

    @Test
    void given_a_full_resync_is_due_when_the_agent_syncs_then_it_asks_from_version_zero_and_rewrites_only_what_differs() throws Exception {
        controlPlane.publish(publishedVersion(1));
        SyncWorker worker = worker(FakeControlPlane.API_KEY);
        worker.syncOnce();
        String appliedAt = file("current.json").path("synced_at").stringValue();

        clock.advance(FULL_RESYNC.plusMinutes(1));
        worker.syncOnce();

        assertThat(controlPlane.lastRequest().path("current_version").longValue()).isZero();
        assertThat(controlPlane.lastRequest().path("applied_version").longValue()).isEqualTo(1);
        assertThat(file("current.json").path("synced_at").stringValue()).as("same content: not rewritten").isEqualTo(appliedAt);

        worker.syncOnce();
        assertThat(controlPlane.lastRequest().path("current_version").longValue()).as("not due again yet").isEqualTo(1);

        ObjectNode repaired = publishedVersion(1);
        ((ObjectNode) repaired.path("config").path("sales-by-month")).put("query", "SELECT month, total FROM sales_v2");
        controlPlane.publish(repaired);
        clock.advance(FULL_RESYNC.plusMinutes(1));
        worker.syncOnce();

        assertThat(file("current.json").path("metadata").path("config").path("sales-by-month").path("query").stringValue())
                .isEqualTo("SELECT month, total FROM sales_v2");
        assertThat(file("previous.json").path("metadata").path("config").path("sales-by-month").path("query").stringValue())
                .isEqualTo("SELECT month, total FROM sales -- v1");
    }

    @Test
    void given_a_wrong_api_key_when_the_agent_syncs_then_it_retries_slowly_at_the_cap_and_keeps_serving() throws Exception {
        new PublishedConfigurationStore(dataDir).apply(AppliedConfiguration.of(1, publishedVersion(1), Instant.parse("2026-02-01T00:00:00Z")));
        SyncWorker worker = worker("fbk_wrong");

        Duration pause = worker.syncOnce();

        assertThat(pause).isEqualTo(Duration.ofSeconds(30));
        assertThat(servedVersion()).isEqualTo("1");
        assertThat(file("status.json").path("last_error").stringValue()).isEqualTo("HTTP 401: unknown API key");
    }

    @Test
    void given_the_paused_tenant_when_the_agent_syncs_then_it_keeps_serving_retries_at_the_cap_and_catches_up_once_activated() throws Exception {
        controlPlane.publish(publishedVersion(1));
        SyncWorker worker = worker(FakeControlPlane.API_KEY);
        worker.syncOnce();
        controlPlane.publish(publishedVersion(2));
        String refusal = "tenant " + TENANT + " is paused";
        controlPlane.answerNextWith(403, FakeControlPlane.problem(403, refusal), Map.of());

        Duration pause = worker.syncOnce();

        assertThat(pause).as("a pause lasts until a person activates the tenant: retried at the cap").isEqualTo(Duration.ofSeconds(30));
        assertThat(servedVersion()).isEqualTo("1");
        assertThat(file("status.json").path("last_error").stringValue()).isEqualTo("HTTP 403: " + refusal);

        worker.syncOnce();

        assertThat(controlPlane.lastRequest().path("last_error").stringValue()).isEqualTo("HTTP 403: " + refusal);
        assertThat(servedVersion()).isEqualTo("2");
    }

    @Test
    void given_a_damaged_current_json_at_start_when_the_agent_syncs_then_the_recovery_is_reported_with_the_first_sync() throws Exception {
        PublishedConfigurationStore store = new PublishedConfigurationStore(dataDir);
        store.apply(AppliedConfiguration.of(1, publishedVersion(1), Instant.parse("2026-02-01T00:00:00Z")));
        store.apply(AppliedConfiguration.of(2, publishedVersion(2), Instant.parse("2026-02-02T00:00:00Z")));
        Files.writeString(dataDir.resolve("current.json"), "{\"version\": 2, \"metad");
        controlPlane.publish(publishedVersion(2));
        SyncWorker worker = worker(FakeControlPlane.API_KEY);

        worker.syncOnce();

        JsonNode first = controlPlane.requests().get(0);
        assertThat(first.path("applied_version").longValue()).isEqualTo(1);
        assertThat(first.path("last_status").stringValue()).isEqualTo("error");
        assertThat(first.path("last_error").stringValue()).contains("recovered version 1 from previous.json");
        assertThat(worker.current().version()).isEqualTo(2);
    }

    @Test
    void given_the_loop_running_when_stopped_then_it_ends_without_waiting_out_its_pause() throws Exception {
        controlPlane.publish(publishedVersion(1));
        SyncWorker worker = worker(FakeControlPlane.API_KEY);
        Thread loop = new Thread(worker, "test-sync-loop");

        loop.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (controlPlane.requests().size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        worker.stop();
        loop.join(Duration.ofSeconds(60).toMillis());

        assertThat(loop.isAlive()).isFalse();
        assertThat(controlPlane.requests()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(worker.current().version()).isEqualTo(1);
        assertThat(sleeper.pauses()).allSatisfy(pause -> assertThat(pause).isEqualTo(SyncWorker.MIN_SYNC_SPACING.plusSeconds(1)));
    }

    @Test
    void given_data_sources_when_the_agent_syncs_then_the_first_sync_carries_their_ids_and_types_only_and_later_ones_only_when_they_change() throws Exception {
        controlPlane.publish(publishedVersion(1));
        dataSources = List.of(new ReportedDataSource("erp", "sqlserver"), new ReportedDataSource("sales-csv", "csv"));
        SyncWorker worker = worker(FakeControlPlane.API_KEY);

        worker.syncOnce();
        JsonNode first = controlPlane.lastRequest().path("data_sources");
        worker.syncOnce();
        JsonNode unchanged = controlPlane.lastRequest().path("data_sources");
        dataSources = List.of(new ReportedDataSource("erp", "sqlserver"));
        worker.syncOnce();
        JsonNode afterRemoval = controlPlane.lastRequest().path("data_sources");

        assertThat(first.size()).isEqualTo(2);
        assertThat(first.get(0).propertyNames()).as("ids and types, never a connection detail").containsExactlyInAnyOrder("id", "type");
        assertThat(first.get(0).path("id").stringValue()).isEqualTo("erp");
        assertThat(first.get(0).path("type").stringValue()).isEqualTo("sqlserver");
        assertThat(first.get(1).path("id").stringValue()).isEqualTo("sales-csv");
        assertThat(unchanged.isNull()).as("an unchanged set is not sent again").isTrue();
        assertThat(afterRemoval.size()).isEqualTo(1);
        assertThat(afterRemoval.get(0).path("id").stringValue()).isEqualTo("erp");
    }

    @Test
    void given_a_sync_carrying_the_data_sources_failed_when_the_agent_syncs_again_then_it_carries_them_again() throws Exception {
        controlPlane.publish(publishedVersion(1));
        controlPlane.answerNextWith(503, FakeControlPlane.problem(503, "down"), Map.of());
        dataSources = List.of(new ReportedDataSource("erp", "sqlserver"));
        SyncWorker worker = worker(FakeControlPlane.API_KEY);

        worker.syncOnce();
        worker.syncOnce();

        assertThat(controlPlane.lastRequest().path("data_sources").size()).isEqualTo(1);
    }

    @Test
    void given_unchanged_data_sources_when_a_full_resync_is_due_then_it_carries_them_again() throws Exception {
        controlPlane.publish(publishedVersion(1));
        dataSources = List.of(new ReportedDataSource("erp", "sqlserver"));
        SyncWorker worker = worker(FakeControlPlane.API_KEY);
        worker.syncOnce();

        clock.advance(FULL_RESYNC.plusMinutes(1));
        worker.syncOnce();

        assertThat(controlPlane.lastRequest().path("current_version").longValue()).isZero();
        assertThat(controlPlane.lastRequest().path("data_sources").size())
                .as("a dropped report of the set is repaired by the full re-sync").isEqualTo(1);
    }

    @Test
    void given_more_data_sources_than_the_bridge_takes_when_the_agent_syncs_then_it_reports_the_first_ones_in_the_files_order() throws Exception {
        controlPlane.publish(publishedVersion(1));
        List<ReportedDataSource> many = new ArrayList<>();
        IntStream.range(0, DataSourceReporting.MAX_REPORTED + 5).forEach(i -> many.add(new ReportedDataSource("source-" + i, "csv")));
        dataSources = many;
        SyncWorker worker = worker(FakeControlPlane.API_KEY);

        worker.syncOnce();

        JsonNode sent = controlPlane.lastRequest().path("data_sources");
        assertThat(sent.size()).isEqualTo(DataSourceReporting.MAX_REPORTED);
        assertThat(sent.get(0).path("id").stringValue()).isEqualTo("source-0");
        assertThat(worker.current().version()).as("the sync itself went through").isEqualTo(1);
    }

    private SyncWorker worker(String apiKey) throws IOException {
        return worker(apiKey, () -> 0.5);
    }

    private SyncWorker worker(String apiKey, DoubleSupplier random) throws IOException {
        return worker(apiKey, new Backoff(random, MAX_RETRY_AFTER));
    }

    private SyncWorker worker(String apiKey, Backoff backoff) throws IOException {
        PublishedConfigurationStore store = new PublishedConfigurationStore(dataDir);
        SyncSettings settings = new SyncSettings(TENANT, "agent-1", "9.9.9", controlPlane.url().toString(),
                "http://127.0.0.1:" + localServer.port(), 1, FULL_RESYNC);
        return new SyncWorker(settings, store.open(), new HttpControlPlane(controlPlane.url(), apiKey, clock),
                store, served, backoff, sleeper, clock, () -> dataSources);
    }

    private JsonNode file(String name) throws IOException {
        return AgentJson.MAPPER.readTree(Files.readAllBytes(dataDir.resolve(name)));
    }

    /** The version the local server hands to the viewer, from its header. */
    private String servedVersion() throws IOException, InterruptedException {
        HttpResponse<String> response = viewer.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + localServer.port() + "/config")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(AgentJson.MAPPER.readTree(response.body()).path("version").asString())
                .isEqualTo(response.headers().firstValue("X-Config-Version").orElseThrow());
        return response.headers().firstValue("X-Config-Version").orElseThrow();
    }
}
