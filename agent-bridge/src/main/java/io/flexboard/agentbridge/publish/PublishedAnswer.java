package io.flexboard.agentbridge.publish;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A tenant's sync answers for one published version, serialized once: the update every agent on another
 * version gets (with the stored metadata, unparsed) and the "nothing new" answer of agents already on it.
 * Waking 10,000 parked agents then writes the same bytes 10,000 times and serializes nothing. A paused
 * tenant has no answer but the refusal: every agent of it is refused at once, none is parked.
 */
public final class PublishedAnswer {

    private final UUID tenantId;
    private final long version;
    private final byte[] update;
    private final byte[] upToDate;
    private final boolean paused;

    private PublishedAnswer(UUID tenantId, long version, byte[] update, byte[] upToDate, boolean paused) {
        this.tenantId = tenantId;
        this.version = version;
        this.update = update;
        this.upToDate = upToDate;
        this.paused = paused;
    }

    /** The answers for a published version; {@code publishedConfiguration} is the stored jsonb as text. */
    public static PublishedAnswer of(PublishedVersions.PublishedVersion published) {
        if (published.paused()) {
            return new PublishedAnswer(published.tenantId(), published.version(), null, null, true);
        }
        if (published.publishedConfiguration() == null) {
            return nothingPublished(published.tenantId());
        }
        String prefix = "{\"success\":true,\"has_updates\":";
        String latest = ",\"latest_version\":" + published.version();
        return new PublishedAnswer(published.tenantId(), published.version(),
                (prefix + "true" + latest + ",\"metadata\":" + published.publishedConfiguration() + "}").getBytes(StandardCharsets.UTF_8),
                (prefix + "false" + latest + "}").getBytes(StandardCharsets.UTF_8), false);
    }

    /** Before the first publish: latest version 0 and never an update, whatever the agent has. */
    public static PublishedAnswer nothingPublished(UUID tenantId) {
        return new PublishedAnswer(tenantId, 0, null,
                "{\"success\":true,\"has_updates\":false,\"latest_version\":0}".getBytes(StandardCharsets.UTF_8), false);
    }

    public UUID tenantId() {
        return tenantId;
    }

    /** The published version (0 before the first publish). */
    public long version() {
        return version;
    }

    /** Whether the tenant is paused: its agents are refused (403 tenant-paused) rather than answered. */
    public boolean paused() {
        return paused;
    }

    /**
     * Whether an agent on {@code currentVersion} is answered now rather than parked: whenever it is on
     * another version, also ahead of us (e.g. after a database restore), so it converges back; and
     * always while the tenant is paused, so its refusal is never held back.
     */
    public boolean answersAtOnce(long currentVersion) {
        return paused || version != currentVersion;
    }

    /** Whether the answer to an agent on {@code currentVersion} carries the configuration. */
    public boolean hasUpdatesFor(long currentVersion) {
        return update != null && version != currentVersion;
    }

    /** The JSON answer for an agent on {@code currentVersion}, unless paused; shared, never to be modified. */
    public byte[] jsonFor(long currentVersion) {
        return hasUpdatesFor(currentVersion) ? update : upToDate;
    }
}
