package io.flexboard.commandapi.api;

/** What restoring a version answers: the new draft's number, the version it follows and the one it restores. */
public record RestoredDraft(int version, int parentVersion, int restoredFromVersion) {
}
