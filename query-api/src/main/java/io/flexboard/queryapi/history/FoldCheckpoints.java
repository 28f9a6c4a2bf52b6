package io.flexboard.queryapi.history;

import io.flexboard.fold.InMemoryReadModel;
import io.flexboard.queryapi.config.QueryApiSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Folded prefixes of recently read tenants' histories (snapshots, in event-sourcing terms): the read
 * models after a tenant's events 0 … {@code sequence}, taken while a state was folded anyway. A
 * later state or diff of the tenant starts from the nearest one instead of from its first event.
 *
 * <p>Exact, not an approximation: a checkpoint is the fold of a prefix of event_history, which is
 * append-only, so it never goes stale; it serves every moment at or after the latest
 * {@code occurred_at} in its prefix (then the whole prefix belongs to the moment's state). Bounded:
 * {@code flexboard.history.checkpoints.tenants} tenants (least recently read dropped first), at most
 * {@link #PER_TENANT} checkpoints each (every other one dropped when full): one every
 * {@code flexboard.history.checkpoints.every} events, plus where the furthest fold ended. A checkpoint's read
 * models are never changed: users fold on a {@link InMemoryReadModel#copy() copy}.
 */
@Component
class FoldCheckpoints {

    static final int PER_TENANT = 32;

    private final int tenants;
    private final int every;
    private final Map<UUID, TreeMap<Long, Checkpoint>> byTenant;

    FoldCheckpoints(QueryApiSettings settings) {
        this.tenants = settings.history().checkpoints().tenants();
        this.every = settings.history().checkpoints().every();
        this.byTenant = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, TreeMap<Long, Checkpoint>> eldest) {
                return size() > tenants;
            }
        };
    }

    /** The latest checkpoint of the tenant that belongs wholly to the state at {@code moment} (null: now). */
    synchronized Optional<Checkpoint> before(UUID tenantId, Instant moment) {
        TreeMap<Long, Checkpoint> checkpoints = byTenant.get(tenantId);
        if (checkpoints == null) {
            return Optional.empty();
        }
        // latestOccurredAt never decreases with the sequence: the first that fits, from the end, is the best.
        for (Checkpoint checkpoint : checkpoints.descendingMap().values()) {
            if (moment == null || !checkpoint.latestOccurredAt().isAfter(moment)) {
                return Optional.of(checkpoint);
            }
        }
        return Optional.empty();
    }

    /** Whether checkpoints are kept at all ({@code flexboard.history.checkpoints.tenants} above 0). */
    boolean enabled() {
        return tenants > 0;
    }

    /** Whether a fold that has just applied event {@code sequence} should leave a checkpoint there. */
    boolean due(long sequence) {
        return enabled() && (sequence + 1) % every == 0;
    }

    /**
     * Keeps the checkpoint, unless one at its sequence is kept already; its read models must not be
     * changed afterwards. Besides the periodic ones ({@link #due}) a tenant keeps one more, where the
     * furthest fold ended (so reading "now" again folds only the newer events); an end behind it is
     * not kept. Both rules keep a tenant's checkpoints sharing their rows: one fold's chain, not
     * several folds' copies of the same versions.
     */
    synchronized void offer(UUID tenantId, Checkpoint checkpoint) {
        if (!enabled()) {
            return;
        }
        TreeMap<Long, Checkpoint> checkpoints = byTenant.computeIfAbsent(tenantId, id -> new TreeMap<>());
        long sequence = checkpoint.sequence();
        if (checkpoints.containsKey(sequence)) {
            return;
        }
        if (!due(sequence)) {
            Long furthest = checkpoints.isEmpty() ? null : checkpoints.lastKey();
            if (furthest != null && furthest > sequence) {
                return;
            }
            if (furthest != null && !due(furthest)) {
                checkpoints.remove(furthest);
            }
        }
        checkpoints.put(sequence, checkpoint);
        if (checkpoints.size() > PER_TENANT) {
            // Every other one goes: the rest still cover the whole history, twice as far apart.
            List<Long> sequences = new ArrayList<>(checkpoints.navigableKeySet());
            for (int i = 1; i < sequences.size() - 1; i += 2) {
                checkpoints.remove(sequences.get(i));
            }
        }
    }

    /** The read models after the tenant's events 0 … {@code sequence}, the latest of which happened at {@code latestOccurredAt}. */
    record Checkpoint(long sequence, Instant latestOccurredAt, InMemoryReadModel state) {
    }
}
