package io.flexboard.schemas.wire;

import io.flexboard.schemas.agent.AgentSyncReport;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for the agent-syncs topic, in the {@link SyncReportCodec} wire format. */
public final class AgentSyncReportSerializer implements Serializer<AgentSyncReport> {

    @Override
    public byte[] serialize(String topic, AgentSyncReport report) {
        return report == null ? null : SyncReportCodec.instance().encode(report);
    }
}
