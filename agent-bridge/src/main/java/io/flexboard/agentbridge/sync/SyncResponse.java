package io.flexboard.agentbridge.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * The spec's sync answer; {@code metadata} (the stored sync_metadata jsonb, passed through unparsed)
 * is present only when {@code has_updates}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncResponse(boolean success, boolean hasUpdates, long latestVersion, @JsonRawValue String metadata) {

    static SyncResponse update(long latestVersion, String metadata) {
        return new SyncResponse(true, true, latestVersion, metadata);
    }

    static SyncResponse upToDate(long latestVersion) {
        return new SyncResponse(true, false, latestVersion, null);
    }
}
