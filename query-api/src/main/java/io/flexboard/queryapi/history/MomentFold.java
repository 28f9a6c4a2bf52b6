package io.flexboard.queryapi.history;

import io.flexboard.fold.InMemoryReadModel;
import io.flexboard.queryapi.history.FoldCheckpoints.Checkpoint;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.wire.EventCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Folds one tenant's stored events, in sequence order, into the read models as they were at each
 * of some moments (ascending). The state at a moment is the longest prefix of the tenant's
 * sequence whose events all happened at or before it: an event stamped later ends the prefix even
 * if a following one carries an earlier timestamp (clocks of several command-api replicas), so
 * every state shown is one the read models really passed through. The rows come filtered by
 * {@code occurred_at <= the last moment}, so for it a missing sequence number is such a later event.
 *
 * <p>It starts from a checkpoint when one belongs to the first moment, and leaves checkpoints on its
 * way ({@link FoldCheckpoints}).
 */
final class MomentFold {

    private final UUID tenantId;
    private final List<Instant> moments;
    private final FoldCheckpoints checkpoints;
    private final List<InMemoryReadModel> states = new ArrayList<>();
    private final InMemoryReadModel model;
    private final long first;
    private long next;
    private Instant latestOccurredAt;
    private boolean ended;

    /** {@code moments} ascending, a null last moment meaning "every event"; {@code start} belongs to the first moment. */
    MomentFold(UUID tenantId, List<Instant> moments, Checkpoint start, FoldCheckpoints checkpoints) {
        this.tenantId = tenantId;
        this.moments = new ArrayList<>(moments);
        this.checkpoints = checkpoints;
        this.model = start == null ? InMemoryReadModel.withoutEventHistory() : start.state().copy();
        this.first = start == null ? 0 : start.sequence() + 1;
        this.next = first;
        this.latestOccurredAt = start == null ? null : start.latestOccurredAt();
    }

    /** The first sequence this fold needs. */
    long first() {
        return first;
    }

    void accept(StoredEvent event) {
        if (ended) {
            return;
        }
        if (event.sequence() != next) {
            ended = true;
            return;
        }
        while (states.size() < moments.size() - 1 && event.occurredAt().isAfter(moments.get(states.size()))) {
            states.add(model.copy());
        }
        // Decoding resolves bytes of any released envelope schema into the current classes.
        EventEnvelope envelope = EventCodec.instance().decode(bytes(event));
        model.apply(envelope);
        next++;
        if (latestOccurredAt == null || event.occurredAt().isAfter(latestOccurredAt)) {
            latestOccurredAt = event.occurredAt();
        }
        if (checkpoints.due(event.sequence())) {
            checkpoints.offer(tenantId, new Checkpoint(event.sequence(), latestOccurredAt, model.copy()));
        }
    }

    /** One state per moment, in the moments' order; the last fold's end is left as a checkpoint. */
    List<InMemoryReadModel> states() {
        if (checkpoints.enabled() && next > first && !checkpoints.due(next - 1)) {
            checkpoints.offer(tenantId, new Checkpoint(next - 1, latestOccurredAt, model.copy()));
        }
        List<InMemoryReadModel> all = new ArrayList<>(states);
        while (all.size() < moments.size() - 1) {
            all.add(model.copy());
        }
        all.add(model);
        return all;
    }

    private static byte[] bytes(StoredEvent event) {
        byte[] bytes = new byte[event.envelope().remaining()];
        event.envelope().duplicate().get(bytes);
        return bytes;
    }
}
