package io.flexboard.projector.rebuild;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rebuild as {@code /api/ops/rebuilds} answers it (docs/projector.md): progress as of its last
 * heartbeat; {@code switch_ms} and {@code rows_changed} once it is done.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RebuildView(UUID id, List<String> readModels, String phase, long eventsApplied, long eventsTotal,
                   Double eventsPerSecond, Long etaSeconds, Instant startedAt, Instant finishedAt, String error,
                   String targetSchema, Long switchMs, JsonNode rowsChanged) {

    static RebuildView of(Rebuild rebuild, JsonMapper json) {
        return new RebuildView(rebuild.id(), rebuild.tables().stream().map(ReadModelTable::name).toList(),
                rebuild.status().value(), rebuild.eventsApplied(), rebuild.eventsTotal(), rebuild.eventsPerSecond(),
                rebuild.etaSeconds(), rebuild.startedAt(), rebuild.finishedAt(), rebuild.error(), rebuild.targetSchema(),
                rebuild.switchMs(), rebuild.rowsChanged() == null ? null : json.readTree(rebuild.rowsChanged()));
    }
}
