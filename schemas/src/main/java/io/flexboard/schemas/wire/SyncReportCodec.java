package io.flexboard.schemas.wire;

import io.flexboard.schemas.agent.AgentSyncReport;

/** The wire format of the agent-syncs topic: {@link SingleObjectCodec} of {@link AgentSyncReport}. */
public final class SyncReportCodec {

    private static final SingleObjectCodec<AgentSyncReport> INSTANCE = new SingleObjectCodec<>(
            AgentSyncReport.class, AgentSyncReport.getClassSchema(), SchemaHistory.syncReportSchemas());

    private SyncReportCodec() {
    }

    /** The shared codec. */
    public static SingleObjectCodec<AgentSyncReport> instance() {
        return INSTANCE;
    }
}
