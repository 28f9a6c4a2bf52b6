package io.flexboard.agent.store;

import io.flexboard.agent.AgentJson;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The format of current.json and previous.json: {@code {version, synced_at, sha256, metadata}}, pretty-printed for people. */
final class PublishedConfigurationFile {

    private PublishedConfigurationFile() {
    }

    static byte[] render(AppliedConfiguration configuration) {
        ObjectNode file = AgentJson.MAPPER.createObjectNode();
        file.put("version", configuration.version());
        file.put("synced_at", configuration.syncedAt().toString());
        file.put("sha256", configuration.sha256());
        file.set("metadata", configuration.metadata());
        return AgentJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(file);
    }

    /** Reads a file back, trusting it only if it is whole: parseable, complete, checksum and version matching. */
    static AppliedConfiguration parse(byte[] bytes) throws CorruptConfigurationException {
        JsonNode file;
        try {
            file = AgentJson.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new CorruptConfigurationException("not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (file == null || !file.isObject()) {
            throw new CorruptConfigurationException("not a JSON object");
        }
        JsonNode version = file.path("version");
        JsonNode metadata = file.path("metadata");
        JsonNode sha256 = file.path("sha256");
        if (!version.canConvertToLong() || !version.isIntegralNumber() || version.longValue() < 1) {
            throw new CorruptConfigurationException("no positive 'version'");
        }
        if (!metadata.isObject() || !sha256.isString()) {
            throw new CorruptConfigurationException("no 'metadata' object or 'sha256'");
        }
        if (!sha256.stringValue().equals(AppliedConfiguration.sha256(metadata))) {
            throw new CorruptConfigurationException("checksum mismatch: the metadata is not what was written");
        }
        if (metadata.path("version").asLong(-1) != version.longValue()) {
            throw new CorruptConfigurationException("'version' " + version.longValue()
                    + " does not match metadata.version " + metadata.path("version"));
        }
        return new AppliedConfiguration(version.longValue(), syncedAt(file.path("synced_at")), sha256.stringValue(), metadata);
    }

    private static Instant syncedAt(JsonNode value) throws CorruptConfigurationException {
        try {
            return Instant.parse(value.asString(""));
        } catch (DateTimeParseException e) {
            throw new CorruptConfigurationException("'synced_at' is not an ISO-8601 instant");
        }
    }
}
