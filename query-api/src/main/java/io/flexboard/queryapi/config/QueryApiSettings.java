package io.flexboard.queryapi.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code flexboard.*} settings of query-api (documented in docs/query-api.md); the admin token, body
 * limit and consistency wait are the foundation's (docs/contracts.md).
 */
@ConfigurationProperties("flexboard")
public record QueryApiSettings(
        @DefaultValue SyncStatusSettings syncStatus,
        @DefaultValue History history) {

    /**
     * How long an agent counts as recently seen after its last sync. Agents long-poll, so a live
     * agent syncs well within minutes; one silent for longer is stale and no longer vouches for its tenant.
     */
    public record SyncStatusSettings(@DefaultValue("10m") Duration staleAfter) {

        public SyncStatusSettings {
            if (staleAfter.isNegative() || staleAfter.isZero()) {
                throw new IllegalStateException("flexboard.sync-status.stale-after must be positive, got " + staleAfter);
            }
        }

        /** The window in seconds, as the SQL queries bind it ({@code now() - make_interval(secs => …)}). */
        public double staleAfterSeconds() {
            return staleAfter.toMillis() / 1000.0;
        }
    }

    /**
     * The analysts' reads of event_history. A state at a moment folds a tenant's history up to it;
     * at most {@code maxConcurrentReads} read and fold at once (the others wait for a connection),
     * which bounds the heap they take and keeps them from crowding out the builder's reads.
     */
    public record History(@DefaultValue("4") int maxConcurrentReads, @DefaultValue Checkpoints checkpoints) {

        public History {
            if (maxConcurrentReads < 1) {
                throw new IllegalStateException("flexboard.history.max-concurrent-reads must be at least 1, got "
                        + maxConcurrentReads);
            }
        }
    }

    /**
     * Folded prefixes of the histories of the {@code tenants} most recently read tenants, one every
     * {@code every} events, so the next state or diff of such a tenant folds on from the nearest one
     * instead of from the first event. {@code tenants} 0 turns them off.
     */
    public record Checkpoints(@DefaultValue("4") int tenants, @DefaultValue("1000") int every) {

        public Checkpoints {
            if (tenants < 0 || every < 1) {
                throw new IllegalStateException("flexboard.history.checkpoints.tenants must be 0 or more and .every at"
                        + " least 1, got " + tenants + " and " + every);
            }
        }
    }
}
