package io.flexboard.queryapi.history;

import io.flexboard.history.fold.InMemoryReadModel;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.wire.EventCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds one tenant's stored events, in sequence order, into the read models as they were at each
 * of some moments (ascending). The state at a moment is the longest prefix of the tenant's
 * sequence whose events all happened at or before it: an event stamped later ends the prefix even
 * if a following one carries an earlier timestamp (clocks of several command-api replicas), so
 * every state shown is one the read models really passed through. The rows come filtered by
 * {@code occurred_at <= the last moment}, so for it a missing sequence number is such a later event.
 */
final class MomentFold {

    private final List<Instant> moments;
    private final List<InMemoryReadModel> states = new ArrayList<>();
    private final InMemoryReadModel model = InMemoryReadModel.withoutEventHistory();
    private long next;
    private boolean ended;

    /** {@code moments} ascending; a null last moment means "every event". */
    MomentFold(List<Instant> moments) {
        this.moments = new ArrayList<>(moments);
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
    }

    /** One state per moment, in the moments' order. */
    List<InMemoryReadModel> states() {
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
