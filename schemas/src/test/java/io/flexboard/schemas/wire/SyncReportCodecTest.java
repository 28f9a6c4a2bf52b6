package io.flexboard.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.flexboard.schemas.agent.AgentSyncReport;
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
}
