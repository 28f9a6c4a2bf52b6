package io.flexboard.projector.projection;

import java.util.UUID;

/**
 * An event arrived whose sequence is more than one above the tenant's position: an earlier event
 * is missing. Applying it would build read models that never existed on the command side, so the
 * batch fails and the event is quarantined to its tenant until an operator resolves it.
 */
public class SequenceGapException extends RuntimeException {

    private final UUID tenantId;
    private final long position;
    private final long sequence;

    public SequenceGapException(UUID tenantId, long position, long sequence) {
        super("Sequence gap for tenant " + tenantId + ": applied up to " + position + ", next expected "
                + (position + 1) + ", received " + sequence + "");
        this.tenantId = tenantId;
        this.position = position;
        this.sequence = sequence;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public long position() {
        return position;
    }

    public long sequence() {
        return sequence;
    }
}
