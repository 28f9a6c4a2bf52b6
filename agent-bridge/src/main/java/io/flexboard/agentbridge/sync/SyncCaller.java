package io.flexboard.agentbridge.sync;

import java.util.UUID;

/**
 * Who is syncing, as the filters established it: the API key's tenant and hash, whether the request
 * carries a consistency token (then it reads the database, not the answer cache), and its arrival time.
 */
public record SyncCaller(UUID keyTenant, String keyHash, boolean readsOwnWrites, long arrivalNanos) {
}
