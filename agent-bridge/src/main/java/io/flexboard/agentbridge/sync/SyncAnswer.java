package io.flexboard.agentbridge.sync;

/** A sync's answer as JSON bytes (shared between agents, never modified) with what the report needs of it. */
record SyncAnswer(byte[] json, long latestVersion, boolean hasUpdates, long heldMs) {
}
