package io.flexboard.agent.sync;

import java.util.List;

/** An update the agent refuses to apply; it keeps the last good configuration and reports this. */
public final class InvalidMetadataException extends Exception {

    InvalidMetadataException(long latestVersion, List<String> problems) {
        super("invalid metadata for version " + latestVersion + ": " + String.join("; ", problems));
    }
}
