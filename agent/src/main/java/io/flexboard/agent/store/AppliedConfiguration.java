package io.flexboard.agent.store;

import io.flexboard.agent.AgentJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import tools.jackson.databind.JsonNode;

/**
 * A published configuration the agent has applied: the version and its metadata always travel together
 * (one record, one file), so they can never disagree.
 *
 * @param version  the published version number, 0 when nothing has been applied yet
 * @param syncedAt when the agent applied it
 * @param sha256   lower-case hex SHA-256 of the metadata's compact JSON, as written by the agent
 * @param metadata the sync answer's {@code metadata} object ({@code version}, {@code dashboards}, {@code widgets}, {@code config})
 */
public record AppliedConfiguration(long version, Instant syncedAt, String sha256, JsonNode metadata) {

    /** A fresh installation, or one whose files were all unusable. */
    public static final AppliedConfiguration NONE = new AppliedConfiguration(0, null, null, null);

    /** The configuration of {@code version} with {@code metadata}, applied at {@code syncedAt}. */
    public static AppliedConfiguration of(long version, JsonNode metadata, Instant syncedAt) {
        return new AppliedConfiguration(version, syncedAt, sha256(metadata), metadata);
    }

    /** True before the first successful apply. */
    public boolean isNone() {
        return metadata == null;
    }

    /** True when {@code metadata} is exactly what this configuration holds (a full re-sync then rewrites nothing). */
    public boolean holds(long otherVersion, JsonNode otherMetadata) {
        return !isNone() && version == otherVersion && sha256.equals(sha256(otherMetadata));
    }

    /** The checksum stored beside the metadata; computed over the agent's own compact rendering, so it is stable on re-read. */
    static String sha256(JsonNode metadata) {
        try {
            byte[] compact = AgentJson.MAPPER.writeValueAsString(metadata).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(compact));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
