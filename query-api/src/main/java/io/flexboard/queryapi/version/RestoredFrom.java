package io.flexboard.queryapi.version;

import java.util.UUID;

/** The older version a restored draft copies (its id and number). */
public record RestoredFrom(UUID id, int version) {
}
