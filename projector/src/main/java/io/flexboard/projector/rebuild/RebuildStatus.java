package io.flexboard.projector.rebuild;

import java.util.EnumSet;
import java.util.Set;

/** Where a rebuild is: three phases while it runs, then one of three ends. */
enum RebuildStatus {
    /** Reading the history from offset 0 into its own schema while the live projector keeps going. */
    COPYING,
    /** Holding the live positions' lock and reading the last events up to them. */
    CATCHING_UP,
    /** Replacing the live rows that differ, in the same transaction as the lock. */
    SWITCHING,
    DONE,
    FAILED,
    CANCELLED;

    static final Set<RebuildStatus> RUNNING = EnumSet.of(COPYING, CATCHING_UP, SWITCHING);

    /** The value in {@code rebuilds.status} and in the API's {@code phase}. */
    String value() {
        return name().toLowerCase();
    }

    boolean running() {
        return RUNNING.contains(this);
    }

    static RebuildStatus of(String value) {
        return valueOf(value.toUpperCase());
    }

    /** The running statuses as SQL binds them ({@code status = any(:running)}). */
    static String[] runningValues() {
        return RUNNING.stream().map(RebuildStatus::value).toArray(String[]::new);
    }

    @Override
    public String toString() {
        return value();
    }
}
