package io.flexboard.agentbridge.sync;

import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Who is syncing, as authentication established it: the API key's tenant and hash, whether the request
 * carries a consistency token (then it reads the database, not the answer cache), its arrival time, and
 * where a publish answers it when it is parked: its connection's event loop on the direct route (a wake of
 * thousands then spreads over every loop and writes without a thread hop), at once on the waking thread
 * otherwise.
 */
record SyncCaller(UUID keyTenant, String keyHash, boolean readsOwnWrites, long arrivalNanos, Executor wakeOn) {
}
