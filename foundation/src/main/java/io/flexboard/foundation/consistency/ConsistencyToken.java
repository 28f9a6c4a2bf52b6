package io.flexboard.foundation.consistency;

import io.flexboard.foundation.problem.ProblemException;
import java.util.UUID;

/** {@code X-Consistency-Token: <tenant id>:<aggregate sequence>}, as command-api hands it out. */
public record ConsistencyToken(UUID tenantId, long sequence) {

    public static final String HEADER = "X-Consistency-Token";

    /** Parses the header value; anything else than {@code <uuid>:<non-negative number>} is a malformed request. */
    public static ConsistencyToken parse(String value) {
        int colon = value.lastIndexOf(':');
        try {
            long sequence = Long.parseLong(value.substring(colon + 1).trim());
            if (colon < 0 || sequence < 0) {
                throw new IllegalArgumentException("negative sequence");
            }
            return new ConsistencyToken(UUID.fromString(value.substring(0, colon).trim()), sequence);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw ProblemException.malformed(HEADER, HEADER + " must be <tenant id>:<sequence>");
        }
    }

    /** The header value of this token. */
    @Override
    public String toString() {
        return tenantId + ":" + sequence;
    }
}
