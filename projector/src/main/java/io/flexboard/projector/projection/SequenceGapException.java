package io.flexboard.projector.projection;

import java.util.UUID;

/**
 * An event arrived whose sequence is more than one above the tenant's position: an earlier event
 * is missing. Applying it would build read models that never existed on the command side, so the
 * batch fails and is retried instead.
 */
public class SequenceGapException extends RuntimeException {

    private final UUID tenantId;
    private final long position;
    private final long sequence;

    public SequenceGapException(UUID tenantId, long position, long sequence) {
        super("Sequence gap for tenant " + tenantId + ": applied up to " + position + ", next expected "
                + (position + 1) + ", received " + sequence + "; the batch is not applied and will be retried");
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
