package io.flexboard.projector;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.flexboard.projector.syncreport.SyncReportPruner;
import io.flexboard.schemas.wire.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.context.EmbeddedKafka;
import reactor.test.StepVerifier;

import static io.flexboard.projector.ReadModels.columns;
import static org.assertj.core.api.Assertions.assertThat;

@EmbeddedKafka(partitions = 6, topics = {Topics.EVENTS, Topics.AGENT_SYNCS},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class SyncReportRetentionTest extends ProjectorIntegrationTest {

    @Autowired
    SyncReportPruner pruner;

    @Test
    void given_sync_reports_and_counts_on_both_sides_of_their_retention_when_pruned_then_only_the_older_ones_are_deleted() {
        String tenantId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            syncReport(tenantId, now.minus(8, ChronoUnit.DAYS).minus(i, ChronoUnit.MINUTES));
        }
        String recent = syncReport(tenantId, now.minus(6, ChronoUnit.DAYS));
        Instant keptHour = now.minus(89, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        syncReportCount(tenantId, now.minus(91, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
        syncReportCount(tenantId, keptHour);

        StepVerifier.create(pruner.prune())
                .assertNext(pruned -> {
                    assertThat(pruned.syncReports()).as("in chunks of 2").isGreaterThanOrEqualTo(5);
                    assertThat(pruned.syncReportCounts()).isGreaterThanOrEqualTo(1);
                })
                .verifyComplete();

        assertThat(readModels.rows("select id from sync_reports where tenant_id = ?", tenantId))
                .containsExactly(columns("id", recent));
        assertThat(readModels.rows("select hour from sync_report_counts where tenant_id = ?", tenantId))
                .containsExactly(columns("hour", keptHour));
    }

    private String syncReport(String tenantId, Instant syncedAt) {
        String id = UUID.randomUUID().toString();
        readModels.execute("""
                insert into sync_reports (id, tenant_id, agent_id, sync_status, metadata_version, current_version,
                                          has_updates, sync_duration_ms, held_ms, synced_at, bridge_instance)
                values (?::uuid, ?::uuid, 'agent-a', 'success', 1, 1, false, 10, 0, ?, 'bridge-1')
                """, id, tenantId, syncedAt);
        return id;
    }

    private void syncReportCount(String tenantId, Instant hour) {
        readModels.execute("insert into sync_report_counts (tenant_id, hour, success) values (?::uuid, ?, 1)", tenantId, hour);
    }
}
