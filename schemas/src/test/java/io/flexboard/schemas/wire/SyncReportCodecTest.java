package io.flexboard.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import io.flexboard.schemas.agent.AgentSyncReport;
import io.flexboard.schemas.agent.ReportedDataSource;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class SyncReportCodecTest {

    private final SingleObjectCodec<AgentSyncReport> codec = SyncReportCodec.instance();

    @Test
    void a_report_survives_the_round_trip_through_the_kafka_serde() {
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
    void optional_fields_may_be_absent() {
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

    @Test
    void a_report_carries_the_agents_data_sources_ids_and_types() {
        AgentSyncReport report = minimalReport()
                .setDataSources(List.of(new ReportedDataSource("erp", "sqlserver"), new ReportedDataSource("sales-csv", "csv")))
                .build();

        AgentSyncReport decoded = codec.decode(codec.encode(report));

        assertThat(decoded.getDataSources()).extracting(ReportedDataSource::getId, ReportedDataSource::getType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("erp", "sqlserver"),
                        org.assertj.core.groups.Tuple.tuple("sales-csv", "csv"));
    }

    @Test
    void a_report_written_before_v2_reads_without_data_sources_or_key_hash() throws IOException {
        Schema v1 = SchemaHistory.syncReportSchemas().get(0);
        GenericRecord old = new GenericData.Record(v1);
        old.put("report_id", "0f4a1b9c-0000-4000-8000-000000000003");
        old.put("tenant_id", "6c1f7f5e-8a55-4d51-9d0e-4bd3a9e1f001");
        old.put("agent_id", "plant-7");
        old.put("sync_status", "success");
        old.put("current_version", 2L);
        old.put("latest_version", 2L);
        old.put("has_updates", false);
        old.put("sync_duration_ms", 4L);
        old.put("held_ms", 0L);
        old.put("synced_at", Instant.parse("2026-11-26T03:00:00Z").toEpochMilli());
        old.put("bridge_instance", "bridge-1");
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);

        AgentSyncReport decoded = codec.decode(bytes.array());

        assertThat(v1.getField("data_sources")).isNull();
        assertThat(v1.getField("key_hash")).isNull();
        assertThat(decoded.getAgentId()).isEqualTo("plant-7");
        assertThat(decoded.getDataSources()).isNull();
        assertThat(decoded.getKeyHash()).isNull();
    }

    private static AgentSyncReport.Builder minimalReport() {
        return AgentSyncReport.newBuilder()
                .setReportId("0f4a1b9c-0000-4000-8000-000000000004")
                .setTenantId("6c1f7f5e-8a55-4d51-9d0e-4bd3a9e1f001")
                .setAgentId("plant-7")
                .setSyncStatus("success")
                .setCurrentVersion(1)
                .setLatestVersion(1)
                .setHasUpdates(false)
                .setSyncDurationMs(3)
                .setHeldMs(0)
                .setSyncedAt(Instant.parse("2026-11-26T03:00:00Z"))
                .setBridgeInstance("bridge-1");
    }
}
