package io.flexboard.history.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a JSON Lines export back: every line must be one whole JSON object. */
final class JsonLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLines() {
    }

    static List<JsonNode> read(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    static List<JsonNode> parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError("the last line of the export is not terminated: " + text.substring(Math.max(0, text.length() - 80)));
        }
        return text.lines().map(JSON::readTree).peek(node -> {
            if (!node.isObject()) {
                throw new AssertionError("not a JSON object: " + node);
            }
        }).toList();
    }

    static JsonNode tree(String json) {
        return JSON.readTree(json);
    }

    static List<String> eventIds(List<JsonNode> lines) {
        return lines.stream().map(line -> line.get("event_id").asString()).toList();
    }
}
