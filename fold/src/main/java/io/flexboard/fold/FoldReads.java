package io.flexboard.fold;

import java.util.UUID;

/**
 * What {@link ReadModelFold#fold} will ask its {@link ReadModelView} for one event, so that a
 * database-backed view can read it beforehand and the fold itself never waits on I/O. Null fields
 * are not needed.
 */
public record FoldReads(UUID dashboardId, UUID versionId) {

    public static final FoldReads NOTHING = new FoldReads(null, null);

    static FoldReads dashboard(UUID dashboardId) {
        return new FoldReads(dashboardId, null);
    }

    static FoldReads version(UUID versionId) {
        return new FoldReads(null, versionId);
    }
}
