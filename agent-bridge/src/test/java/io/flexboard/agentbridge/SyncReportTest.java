package io.flexboard.agentbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flexboard.agentbridge.support.AgentBridgeIntegrationTest;
import io.flexboard.schemas.agent.AgentSyncReport;
import io.flexboard.schemas.wire.AgentSyncReportDeserializer;
import io.flexboard.schemas.wire.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** Every answered sync lands on flexboard.agent-syncs, read back here with a real consumer. */
class SyncReportTest extends AgentBridgeIntegrationTest {

    @Autowired
    EmbeddedKafkaBroker broker;

    private KafkaConsumer<String, AgentSyncReport> consumer;

    @BeforeEach
    void subscribe() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "sync-report-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new AgentSyncReportDeserializer());
        consumer.subscribe(List.of(Topics.AGENT_SYNCS));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void given_an_agent_reporting_an_error_when_it_syncs_then_a_report_with_its_fields_is_published_keyed_by_tenant() {
        UUID tenant = given.tenantWithPublishedVersion(3, ACME_KEY);
        double errorsBefore = syncOperations(tenant, "error");

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 2, \"agent_version\": \"2.1.0\","
                + " \"agent_id\": \"plant-7\", \"applied_version\": 2, \"last_error\": \"" + "e".repeat(2500) + "\"}")
                .expectStatus().isOk();

        AgentSyncReport report = reportOf(tenant);
        assertThat(report.getAgentId()).isEqualTo("plant-7");
        assertThat(report.getAgentVersion()).isEqualTo("2.1.0");
        assertThat(report.getSyncStatus()).isEqualTo("error");
        assertThat(report.getCurrentVersion()).isEqualTo(2);
        assertThat(report.getAppliedVersion()).isEqualTo(2);
        assertThat(report.getLatestVersion()).isEqualTo(3);
        assertThat(report.getHasUpdates()).isTrue();
        assertThat(report.getErrorMessage()).hasSize(2000);
        assertThat(report.getHeldMs()).isZero();
        assertThat(report.getSyncDurationMs()).isNotNegative();
        assertThat(report.getBridgeInstance()).isEqualTo("bridge-under-test");
        assertThat(UUID.fromString(report.getReportId())).isNotNull();
        assertThat(syncOperations(tenant, "error")).isEqualTo(errorsBefore + 1);
    }

    @Test
    void given_an_old_agent_without_agent_id_when_it_syncs_then_it_is_named_by_its_key_hash_and_counted_as_success() throws Exception {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 1, \"agent_version\": \"1.0.0\"}")
                .expectStatus().isOk();

        AgentSyncReport report = reportOf(tenant);
        String keyHash = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(ACME_KEY.getBytes(StandardCharsets.UTF_8)));
        assertThat(report.getAgentId()).isEqualTo("key:" + keyHash.substring(0, 12));
        assertThat(report.getSyncStatus()).isEqualTo("success");
        assertThat(report.getHasUpdates()).isFalse();
        assertThat(report.getAppliedVersion()).isNull();
        assertThat(report.getErrorMessage()).isNull();
        assertThat(syncOperations(tenant, "success")).isEqualTo(1);
    }

    @Test
    void given_a_rejected_sync_when_it_is_answered_4xx_then_no_report() {
        UUID tenant = given.tenantWithApiKey(ACME_KEY);
        given.tenantWithApiKey(GLOBEX_KEY);

        sync(GLOBEX_KEY, "{\"tenant_id\": \"" + tenant + "\"}").expectStatus().isForbidden();
        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"wait_seconds\": -1}").expectStatus().isBadRequest();
        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"agent_id\": \"the-only-one\"}").expectStatus().isOk();

        // reports of one tenant keep their order (one partition per key): the 200 is the first and only one
        assertThat(reportOf(tenant).getAgentId()).isEqualTo("the-only-one");
        assertThat(meters.find("sync.operations").tag("tenant_id", tenant.toString()).counters())
                .singleElement().satisfies(counter -> assertThat(counter.count()).isEqualTo(1));
    }

    @Test
    void given_an_agent_reporting_its_data_sources_when_it_syncs_then_the_report_carries_their_ids_and_types_with_repeats_once() {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 1, \"agent_id\": \"plant-7\","
                + " \"data_sources\": [{\"id\": \"erp\", \"type\": \"sqlserver\", \"host\": \"db.internal\"},"
                + " {\"id\": \"sales\", \"type\": \"csv\"}, {\"id\": \"erp\", \"type\": \"sqlserver\"}]}")
                .expectStatus().isOk();

        AgentSyncReport report = reportOf(tenant);
        assertThat(report.getDataSources()).extracting(source -> source.getId() + ":" + source.getType())
                .containsExactly("erp:sqlserver", "sales:csv");
        assertThat(report.toString()).as("what the agent should not have sent is not passed on").doesNotContain("db.internal");
    }

    @Test
    void given_an_agent_whose_data_sources_did_not_change_when_it_syncs_without_them_then_the_report_carries_none_and_an_empty_set_is_not_none() {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);
        UUID other = given.tenantWithPublishedVersion(1, GLOBEX_KEY);

        sync(ACME_KEY, "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 1}").expectStatus().isOk();
        assertThat(reportOf(tenant).getDataSources()).isNull();

        sync(GLOBEX_KEY, "{\"tenant_id\": \"" + other + "\", \"current_version\": 1, \"data_sources\": []}").expectStatus().isOk();
        assertThat(reportOf(other).getDataSources()).isEmpty();
    }

    @Test
    void given_an_agent_syncing_unchanged_when_it_syncs_again_and_again_then_its_syncs_leave_as_heartbeats_that_count_them_all() {
        UUID tenant = given.tenantWithPublishedVersion(1, ACME_KEY);
        String unchanged = "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 1, \"agent_id\": \"plant-9\"}";

        for (int i = 0; i < 6; i++) {
            sync(ACME_KEY, unchanged).expectStatus().isOk();
        }

        List<AgentSyncReport> reports = reportsOf(tenant, 6);
        assertThat(reports.get(0).getSyncCount()).as("the agent's first sync here is reported at once").isEqualTo(1);
        assertThat(reports).as("the five unchanged syncs leave as one or two heartbeats (the 1 s heartbeat may cut them)")
                .hasSizeBetween(2, 3)
                .allSatisfy(report -> assertThat(report.getAgentId()).isEqualTo("plant-9"));
        assertThat(syncOperations(tenant, "success")).as("every sync is still counted at once").isEqualTo(6);
    }

    @Test
    void given_an_agent_with_held_back_syncs_when_it_reports_another_version_then_that_sync_is_reported_at_once_standing_for_them_too() {
        UUID tenant = given.tenantWithPublishedVersion(2, ACME_KEY);
        String onOne = "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 1, \"agent_id\": \"plant-10\"}";
        String onTwo = "{\"tenant_id\": \"" + tenant + "\", \"current_version\": 2, \"applied_version\": 2, \"agent_id\": \"plant-10\"}";

        sync(ACME_KEY, onTwo).expectStatus().isOk();
        sync(ACME_KEY, onOne).expectStatus().isOk();
        sync(ACME_KEY, onTwo).expectStatus().isOk();

        List<AgentSyncReport> reports = reportsOf(tenant, 3);
        assertThat(reports).extracting(AgentSyncReport::getCurrentVersion).as("every change of version is a report of its own")
                .containsExactly(2L, 1L, 2L);
        assertThat(reports).extracting(AgentSyncReport::getSyncCount).containsExactly(1, 1, 1);
    }

    /** The tenant's reports until they stand for {@code syncs} syncs in all (sync_count summed). */
    private List<AgentSyncReport> reportsOf(UUID tenant, int syncs) {
        List<AgentSyncReport> reports = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (record.key().equals(tenant.toString())) {
                    reports.add(record.value());
                }
            });
            return reports.stream().mapToInt(AgentSyncReport::getSyncCount).sum() >= syncs;
        });
        assertThat(reports.stream().mapToInt(AgentSyncReport::getSyncCount).sum()).isEqualTo(syncs);
        return reports;
    }

    private double syncOperations(UUID tenant, String status) {
        var counter = meters.find("sync.operations").tags("tenant_id", tenant.toString(), "status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    private AgentSyncReport reportOf(UUID tenant) {
        List<AgentSyncReport> reports = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (record.key().equals(tenant.toString())) {
                    reports.add(record.value());
                }
            });
            return !reports.isEmpty();
        });
        return reports.get(0);
    }
}
