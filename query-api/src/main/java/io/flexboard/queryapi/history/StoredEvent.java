package io.flexboard.queryapi.history;

import java.nio.ByteBuffer;
import java.time.Instant;

/** One event_history row as the fold reads it: its sequence, when it happened, its EventCodec bytes. */
record StoredEvent(long sequence, Instant occurredAt, ByteBuffer envelope) {
}
