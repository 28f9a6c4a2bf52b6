package io.flexboard.fold;

import java.util.Objects;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The value of a jsonb column: its text and its tree, each made only when first asked for.
 *
 * <p>Lazy on purpose: folding a tenant's history in memory builds every version's metadata and
 * every sync answer, which a state-at-a-moment answer never shows; the projector needs only the
 * text. Two documents are equal when their trees are (key order does not matter, as in jsonb).
 * The tree is shared: read it, never change it.
 */
public final class JsonDocument {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Supplier<JsonNode> build;
    private volatile String text;
    private volatile JsonNode tree;

    private JsonDocument(String text, Supplier<JsonNode> build) {
        this.text = text;
        this.build = build;
    }

    /** A document given as JSON text (an event's widget config, a jsonb column read back); the text is kept as it is. */
    public static JsonDocument ofText(String text) {
        Objects.requireNonNull(text, "text");
        return new JsonDocument(text, () -> JSON.readTree(text));
    }

    /** A document built when first needed. */
    static JsonDocument building(Supplier<JsonNode> build) {
        return new JsonDocument(null, build);
    }

    /** The JSON tree; parsed or built once. */
    public JsonNode tree() {
        JsonNode current = tree;
        if (current == null) {
            current = build.get();
            tree = current;
        }
        return current;
    }

    /** The JSON text; serialized once when the document was built rather than given as text. */
    public String text() {
        String current = text;
        if (current == null) {
            current = JSON.writeValueAsString(tree());
            text = current;
        }
        return current;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonDocument document && tree().equals(document.tree());
    }

    @Override
    public int hashCode() {
        return tree().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
