package io.flexboard.schemas.wire;

import io.flexboard.schemas.agent.AgentSyncReport;
import org.apache.kafka.common.serialization.Deserializer;

/** Kafka value deserializer for the agent-syncs topic, in the {@link SyncReportCodec} wire format. */
public final class AgentSyncReportDeserializer implements Deserializer<AgentSyncReport> {

    @Override
    public AgentSyncReport deserialize(String topic, byte[] bytes) {
        return bytes == null ? null : SyncReportCodec.instance().decode(bytes);
    }
}
