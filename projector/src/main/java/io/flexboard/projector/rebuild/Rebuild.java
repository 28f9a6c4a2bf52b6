package io.flexboard.projector.rebuild;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of {@code rebuilds}: what a rebuild rebuilds, where it writes, how far it is. */
record Rebuild(UUID id, List<String> readModels, boolean allReadModels, RebuildStatus status, String targetSchema,
               String owner, long eventsApplied, long eventsTotal, Double eventsPerSecond, Long etaSeconds,
               Instant startedAt, Instant finishedAt, String error, Long switchMs, String rowsChanged) {

    /** The tables it replaces at the switch-over: with all read models the positions too. */
    List<ReadModelTable> tables() {
        if (allReadModels) {
            return RebuildableReadModels.all();
        }
        return readModels.stream().map(name -> RebuildableReadModels.named(name).orElseThrow(
                () -> new IllegalStateException("Rebuild " + id + " names " + name + ", which is no read model any more"))).toList();
    }

    /** The schema name a new rebuild writes into: its own, next to the live one. */
    static String schemaFor(UUID id) {
        return "readmodel_rebuild_" + id.toString().replace("-", "");
    }
}
