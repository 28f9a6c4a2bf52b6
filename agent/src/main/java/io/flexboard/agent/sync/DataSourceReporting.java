package io.flexboard.agent.sync;

import java.util.List;
import java.util.function.Supplier;

/**
 * Decides when a sync carries the agent's data sources. Syncs are frequent and the set rarely changes, so
 * it goes out only when it differs from the last one an answered sync carried, and on every full re-sync:
 * the bridge's report of it is telemetry and may be dropped, and the full re-sync repairs that.
 *
 * <p>At most {@link #MAX_REPORTED} sources are sent (the first ones in the file's order): the bridge refuses
 * a longer list, and an agent must never lose its syncs over what is only a hint for the builder.
 */
final class DataSourceReporting {

    /** The bridge's limit on {@code data_sources}. */
    static final int MAX_REPORTED = 1000;

    private final Supplier<List<ReportedDataSource>> current;
    private List<ReportedDataSource> answered;

    /** @param current the data sources in use now, in the file's order */
    DataSourceReporting(Supplier<List<ReportedDataSource>> current) {
        this.current = current;
    }

    /** What the next sync carries: the whole set, or {@code null} for "unchanged since the last answered sync". */
    List<ReportedDataSource> toSend(boolean fullResync) {
        List<ReportedDataSource> now = current.get();
        List<ReportedDataSource> bounded = now.size() > MAX_REPORTED ? List.copyOf(now.subList(0, MAX_REPORTED)) : List.copyOf(now);
        return fullResync || !bounded.equals(answered) ? bounded : null;
    }

    /** The sync that carried {@code sent} was answered: the bridge has it. */
    void answered(List<ReportedDataSource> sent) {
        if (sent != null) {
            answered = sent;
        }
    }
}
