package io.flexboard.projector.rebuild;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which read models a rebuild can rebuild: every table the projector builds from
 * {@code flexboard.events}, which keeps every event forever. Not the sync report tables, which come from
 * {@code flexboard.agent-syncs} and its seven days of reports: a rebuild could only make them poorer.
 */
final class RebuildableReadModels {

    /** The positions belong to every read model at once: rebuilt only when all of them are. */
    static final ReadModelTable TENANT_POSITIONS = new ReadModelTable("tenant_positions");

    /** The read models an operator may name, parents before the tables whose foreign keys point at them. */
    static final List<ReadModelTable> SELECTABLE = List.of(
            // last_sync is the newest agent sync report's time (the sync report projection writes it).
            new ReadModelTable("tenants", "id", List.of("last_sync")),
            new ReadModelTable("api_keys"),
            new ReadModelTable("dashboards"),
            new ReadModelTable("widgets"),
            new ReadModelTable("versions"),
            new ReadModelTable("published_versions"),
            // A user's events are their own stream: the stream id is the user's id.
            new ReadModelTable("users", "id", List.of()),
            new ReadModelTable("event_history"));

    private static final String FROM_SYNC_REPORTS = "it comes from flexboard.agent-syncs, which keeps 7 days of reports, not a history";

    /** Tables of the read-model schema a rebuild never touches, and why (the answer to an operator who names one). */
    static final Map<String, String> NOT_REBUILDABLE = Map.ofEntries(
            Map.entry("sync_reports", FROM_SYNC_REPORTS),
            Map.entry("agents", FROM_SYNC_REPORTS),
            Map.entry("sync_report_counts", FROM_SYNC_REPORTS),
            Map.entry("api_key_usage", "it comes from flexboard.agent-syncs (each key's last use), which keeps 7 days of reports, not a history"),
            Map.entry("agent_data_source_sets", FROM_SYNC_REPORTS),
            Map.entry("agent_data_sources", FROM_SYNC_REPORTS),
            Map.entry("rebuilds", "it records the rebuilds themselves"),
            Map.entry("quarantined_events", "it is the live projector's own state: the events it stopped at (docs/operations.md)"),
            Map.entry("held_events", "it is the live projector's own state: the events waiting behind a quarantine"),
            Map.entry("quarantine_resolutions", "it is the operators' audit of quarantines, not a read model of the events"),
            Map.entry(TENANT_POSITIONS.name(), "the positions belong to all read models at once: omit read_models to rebuild everything"));

    private RebuildableReadModels() {
    }

    static Optional<ReadModelTable> named(String name) {
        return SELECTABLE.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    /** Everything a full rebuild replaces: the selectable read models and the positions. */
    static List<ReadModelTable> all() {
        return Stream.concat(SELECTABLE.stream(), Stream.of(TENANT_POSITIONS)).toList();
    }

    static List<String> selectableNames() {
        return SELECTABLE.stream().map(ReadModelTable::name).toList();
    }
}
