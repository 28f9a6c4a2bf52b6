package io.flexboard.projector;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.flexboard.schemas.agent.AgentSyncReport;
import org.junit.jupiter.api.Test;

import static io.flexboard.projector.AgentSyncs.minutesAfter;
import static io.flexboard.projector.AgentSyncs.syncOf;
import static io.flexboard.projector.ReadModels.columns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AgentSyncReportsTest extends SyncReportsOfOneTenantTest {

    @Test
    void given_reports_of_two_agents_when_produced_then_sync_reports_agents_hourly_counts_and_last_sync_hold_them() {
        AgentSyncReport firstSync = syncOf(tenant.tenantId, "agent-a", minutesAfter(hour, 5))
                .setCurrentVersion(0).setAppliedVersion(null).setLatestVersion(1).setHasUpdates(true).build();
        AgentSyncReport failedApply = syncOf(tenant.tenantId, "agent-b", minutesAfter(hour, 10))
                .setSyncStatus("error").setErrorMessage("relation \"sales\" does not exist")
                .setCurrentVersion(1).setAppliedVersion(0L).build();
        AgentSyncReport heldPoll = syncOf(tenant.tenantId, "agent-a", minutesAfter(hour, 20))
                .setSyncStatus("partial").setAgentVersion("1.1.0").setSyncDurationMs(25_010).setHeldMs(25_000).build();

        syncReports.send(firstSync, failedApply, heldPoll);
        awaitSyncReports(3);

        assertThat(readModels.rows("select * from sync_reports where tenant_id = ? order by synced_at", tenant.tenantId))
                .first().isEqualTo(columns(
                        "id", firstSync.getReportId(), "tenant_id", tenant.tenantId, "agent_id", "agent-a",
                        "agent_version", "1.0.0", "sync_status", "success", "metadata_version", 1L,
                        "current_version", 0L, "applied_version", null, "has_updates", true, "error_message", null,
                        "sync_duration_ms", 12L, "held_ms", 0L, "synced_at", minutesAfter(hour, 5),
                        "bridge_instance", "bridge-1", "sync_count", 1));
        assertThat(readModels.rows("select * from agents where tenant_id = ? order by agent_id", tenant.tenantId))
                .containsExactly(
                        columns("tenant_id", tenant.tenantId, "agent_id", "agent-a", "agent_version", "1.1.0",
                                "running_version", 1L, "latest_version", 1L, "sync_status", "partial",
                                "last_error", null, "first_seen", minutesAfter(hour, 5),
                                "last_seen", minutesAfter(hour, 20)),
                        columns("tenant_id", tenant.tenantId, "agent_id", "agent-b", "agent_version", "1.0.0",
                                "running_version", 0L, "latest_version", 1L, "sync_status", "error",
                                "last_error", "relation \"sales\" does not exist", "first_seen", minutesAfter(hour, 10),
                                "last_seen", minutesAfter(hour, 10)));
        assertThat(readModels.rows("select * from sync_report_counts where tenant_id = ?", tenant.tenantId))
                .containsExactly(columns("tenant_id", tenant.tenantId, "hour", hour,
                        "success", 1L, "error", 1L, "partial", 1L));
        assertThat(lastSync()).isEqualTo(minutesAfter(hour, 20));
    }

    @Test
    void given_a_heartbeat_standing_for_several_syncs_when_applied_then_it_is_one_row_and_the_hourly_counts_add_them_all() {
        syncReports.send(
                syncOf(tenant.tenantId, "agent-a", minutesAfter(hour, 5)).build(),
                syncOf(tenant.tenantId, "agent-a", minutesAfter(hour, 6)).setSyncCount(41).build(),
                syncOf(tenant.tenantId, "agent-b", minutesAfter(hour, 7)).setSyncStatus("error").setErrorMessage("down")
                        .setSyncCount(3).build());
        awaitSyncReports(3);

        assertThat(readModels.rows("select sync_count from sync_reports where tenant_id = ? order by synced_at", tenant.tenantId))
                .extracting(row -> row.get("sync_count")).containsExactly(1, 41, 3);
        assertThat(readModels.rows("select success, error, partial from sync_report_counts where tenant_id = ?", tenant.tenantId))
                .containsExactly(columns("success", 42L, "error", 3L, "partial", 0L));
    }

    @Test
    void given_a_report_standing_for_no_sync_when_consumed_then_it_is_skipped_and_the_next_report_applied() {
        syncReports.send(syncOf(tenant.tenantId, "agent-a", minutesAfter(hour, 1)).setSyncCount(0).build(),
                syncOf(tenant.tenantId, "agent-b", minutesAfter(hour, 2)).build());
        awaitSyncReports(1);

        assertThat(readModels.rows("select agent_id from sync_reports where tenant_id = ?", tenant.tenantId))
                .extracting(row -> row.get("agent_id")).containsExactly("agent-b");
    }

    @Test
    void given_an_agents_newer_report_was_applied_when_an_older_one_arrives_later_then_the_agent_and_last_sync_keep_the_newer_state() {
        syncReports.send(syncOf(tenant.tenantId, "agent-a", minutesAfter(hour, 30))
                .setCurrentVersion(3).setAppliedVersion(3L).setLatestVersion(3).build());
        awaitSyncReports(1);

        syncReports.send(syncOf(tenant.tenantId, "agent-a", minutesAfter(hour, 10))
                .setSyncStatus("error").setErrorMessage("timeout").setCurrentVersion(2).setAppliedVersion(2L)
                .setLatestVersion(2).build());
        awaitSyncReports(2);

        assertThat(agent("agent-a")).isEqualTo(columns("running_version", 3L, "latest_version", 3L,
                "sync_status", "success", "last_error", null, "last_seen", minutesAfter(hour, 30)));
        assertThat(lastSync()).isEqualTo(minutesAfter(hour, 30));
    }

    @Test
    void given_several_reports_of_one_agent_in_one_batch_when_applied_then_the_newest_wins_and_first_seen_is_the_earliest() {
        // Sent while the consumer is down, so its first poll after the restart gets all three.
        syncReportsContainer().stop();
        syncReports.send(
                syncOf(tenant.tenantId, "agent-a", minutesAfter(hour, 10)).setCurrentVersion(1).build(),
                syncOf(tenant.tenantId, "agent-a", minutesAfter(hour, 40)).setCurrentVersion(3)
                        .setAppliedVersion(3L).setLatestVersion(3).build(),
                syncOf(tenant.tenantId, "agent-a", minutesAfter(hour, 20)).setCurrentVersion(2)
                        .setAppliedVersion(2L).setLatestVersion(2).build());
        syncReportsContainer().start();
        awaitSyncReports(3);

        assertThat(agent("agent-a")).isEqualTo(columns("running_version", 3L, "latest_version", 3L,
                "sync_status", "success", "last_error", null, "last_seen", minutesAfter(hour, 40)));
        assertThat(readModels.row("select first_seen from agents where tenant_id = ?", tenant.tenantId))
                .containsEntry("first_seen", minutesAfter(hour, 10));
        assertThat(lastSync()).isEqualTo(minutesAfter(hour, 40));
    }

    @Test
    void given_an_applied_report_when_it_is_delivered_again_then_it_is_neither_logged_nor_counted_twice() {
        AgentSyncReport report = syncOf(tenant.tenantId, "agent-a", minutesAfter(hour, 5)).build();
        double appliedBefore = syncReportsCounted("applied");
        double duplicatesBefore = syncReportsCounted("duplicate");
        syncReports.send(report);
        awaitSyncReports(1);

        syncReports.send(report, syncOf(tenant.tenantId, "agent-b", minutesAfter(hour, 6)).build());
        awaitSyncReports(2);

        assertThat(readModels.rows("select agent_id from sync_reports where tenant_id = ? order by synced_at", tenant.tenantId))
                .containsExactly(columns("agent_id", "agent-a"), columns("agent_id", "agent-b"));
        assertThat(readModels.row("select success, error, partial from sync_report_counts where tenant_id = ?", tenant.tenantId))
                .isEqualTo(columns("success", 2L, "error", 0L, "partial", 0L));
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> {
            assertThat(syncReportsCounted("applied") - appliedBefore).isEqualTo(2);
            assertThat(syncReportsCounted("duplicate") - duplicatesBefore).isEqualTo(1);
        });
    }

    @Test
    void given_an_agent_that_reports_no_applied_version_when_applied_then_its_running_version_is_its_current_version() {
        syncReports.send(
                syncOf(tenant.tenantId, "agent-silent", minutesAfter(hour, 1)).setCurrentVersion(3).setAppliedVersion(null).build(),
                syncOf(tenant.tenantId, "agent-behind", minutesAfter(hour, 2)).setCurrentVersion(4).setAppliedVersion(2L).build());
        awaitSyncReports(2);

        assertThat(readModels.rows("select agent_id, running_version from agents where tenant_id = ? order by agent_id",
                tenant.tenantId)).containsExactly(
                columns("agent_id", "agent-behind", "running_version", 2L),
                columns("agent_id", "agent-silent", "running_version", 3L));
    }

    @Test
    void given_a_record_that_is_not_a_sync_report_and_one_that_cannot_be_stored_when_consumed_then_both_are_skipped_counted_and_the_next_report_applied() {
        double undecodableBefore = syncReportsCounted("undecodable");
        syncReports.sendGarbage(tenant.tenantId, "not a sync report".getBytes(StandardCharsets.UTF_8));
        syncReports.send(syncOf(tenant.tenantId, "agent-a", minutesAfter(hour, 1)).setSyncStatus("unknown").build());
        AgentSyncReport next = syncOf(tenant.tenantId, "agent-a", minutesAfter(hour, 2)).build();
        syncReports.send(next);

        awaitSyncReports(1);
        assertThat(readModels.row("select id from sync_reports where tenant_id = ?", tenant.tenantId))
                .containsEntry("id", next.getReportId());
        await().atMost(PROJECTION_TIMEOUT)
                .untilAsserted(() -> assertThat(syncReportsCounted("undecodable") - undecodableBefore).isEqualTo(2));
    }

    @Test
    void given_the_database_refuses_a_batch_when_it_accepts_again_then_the_batch_is_applied_once_and_nothing_was_skipped() {
        // A trigger stands in for the outage; its sequence counts the attempts, since nextval
        // survives the rollback of each failed batch.
        readModels.execute("create sequence refused_sync_report_batches");
        readModels.execute("""
                create function refuse_sync_report_batch() returns trigger language plpgsql as $$
                begin
                    perform nextval('refused_sync_report_batches');
                    raise exception 'the database refuses the batch';
                end $$""");
        readModels.execute("""
                create trigger refuse_sync_report_batch before insert on agents for each row
                when (new.agent_id = 'agent-during-outage') execute function refuse_sync_report_batch()""");
        try {
            syncReports.send(syncOf(tenant.tenantId, "agent-during-outage", minutesAfter(hour, 5)).build());
            await().atMost(PROJECTION_TIMEOUT)
                    .until(() -> readModels.number("select last_value from refused_sync_report_batches") >= 2);
            assertThat(readModels.rows("select id from sync_reports where tenant_id = ?", tenant.tenantId))
                    .as("the log insert rolled back with the batch").isEmpty();
        } finally {
            readModels.execute("drop trigger refuse_sync_report_batch on agents");
            readModels.execute("drop function refuse_sync_report_batch()");
            readModels.execute("drop sequence refused_sync_report_batches");
        }

        awaitSyncReports(1);
        assertThat(readModels.row("select success from sync_report_counts where tenant_id = ?", tenant.tenantId))
                .isEqualTo(columns("success", 1L));
        assertThat(agent("agent-during-outage")).containsEntry("last_seen", minutesAfter(hour, 5));
    }

    private void awaitSyncReports(int count) {
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> assertThat(readModels.rows(
                "select id from sync_reports where tenant_id = ?", tenant.tenantId)).hasSize(count));
    }

    private java.util.Map<String, Object> agent(String agentId) {
        return readModels.rows("select agent_id, running_version, latest_version, sync_status, last_error, last_seen"
                        + " from agents where tenant_id = ?", tenant.tenantId).stream()
                .filter(row -> row.remove("agent_id").equals(agentId))
                .findFirst().orElseThrow();
    }

    private Instant lastSync() {
        return (Instant) readModels.row("select last_sync from tenants where id = ?", tenant.tenantId).get("last_sync");
    }
}
