package io.flexboard.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;

import io.flexboard.schemas.agent.AgentSyncReport;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class SyncReportCodecTest {

    private final SingleObjectCodec<AgentSyncReport> codec = SyncReportCodec.instance();

    @Test
    void aReportSurvivesTheRoundTripThroughTheKafkaSerde() {
        AgentSyncReport report = AgentSyncReport.newBuilder()
                .setReportId("0f4a1b9c-0000-4000-8000-000000000001")
                .setTenantId("6c1f7f5e-8a55-4d51-9d0e-4bd3a9e1f001")
                .setAgentId("plant-7")
                .setAgentVersion("1.2.0")
                .setSyncStatus("error")
                .setCurrentVersion(4)
                .setAppliedVersion(3L)
                .setLatestVersion(5)
                .setHasUpdates(true)
                .setErrorMessage("widgets[0].config.query is missing")
                .setSyncDurationMs(1250)
                .setHeldMs(1200)
                .setSyncedAt(Instant.parse("2026-11-26T03:00:00.123Z"))
                .setBridgeInstance("bridge-1")
                .build();

        byte[] bytes = new AgentSyncReportSerializer().serialize("flexboard.agent-syncs", report);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(new AgentSyncReportDeserializer().deserialize("flexboard.agent-syncs", bytes)).isEqualTo(report);
        assertThat(codec.decode(bytes).getAgentVersion()).isEqualTo("1.2.0");
    }

    @Test
    void optionalFieldsMayBeAbsent() {
        AgentSyncReport report = AgentSyncReport.newBuilder()
                .setReportId("0f4a1b9c-0000-4000-8000-000000000002")
                .setTenantId("6c1f7f5e-8a55-4d51-9d0e-4bd3a9e1f001")
                .setAgentId("key:0123456789ab")
                .setSyncStatus("success")
                .setCurrentVersion(0)
                .setLatestVersion(0)
                .setHasUpdates(false)
                .setSyncDurationMs(3)
                .setHeldMs(0)
                .setSyncedAt(Instant.parse("2026-11-26T03:00:00Z"))
                .setBridgeInstance("bridge-1")
                .build();

        AgentSyncReport decoded = codec.decode(codec.encode(report));

        assertThat(decoded.getAgentVersion()).isNull();
        assertThat(decoded.getAppliedVersion()).isNull();
        assertThat(decoded.getErrorMessage()).isNull();
    }

    /** A report written by an agent-bridge from before keys were reported (v1) decodes without a key hash. */
    @Test
    void aReportFromBeforeKeyHashesDecodesWithoutOne() throws IOException {
        Schema v1 = SchemaHistory.syncReportSchemas().get(0);
        assertThat(v1.getField("key_hash")).isNull();
        GenericRecord report = new GenericData.Record(v1);
        report.put("report_id", "0f4a1b9c-0000-4000-8000-000000000003");
        report.put("tenant_id", "6c1f7f5e-8a55-4d51-9d0e-4bd3a9e1f001");
        report.put("agent_id", "plant-7");
        report.put("sync_status", "success");
        report.put("current_version", 1L);
        report.put("latest_version", 1L);
        report.put("has_updates", false);
        report.put("sync_duration_ms", 5L);
        report.put("held_ms", 0L);
        report.put("synced_at", 1_700_000_000_000L);
        report.put("bridge_instance", "bridge-1");
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(report);

        AgentSyncReport decoded = codec.decode(bytes.array());

        assertThat(decoded.getAgentId()).isEqualTo("plant-7");
        assertThat(decoded.getKeyHash()).isNull();
    }
}
