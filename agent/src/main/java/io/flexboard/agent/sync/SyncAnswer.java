package io.flexboard.agent.sync;

import tools.jackson.databind.JsonNode;

/**
 * A successful sync answer.
 *
 * @param hasUpdates    whether the published version differs from the {@code current_version} sent
 * @param latestVersion the tenant's published version (0 before the first publish)
 * @param metadata      the published configuration, present only when {@code hasUpdates}
 */
public record SyncAnswer(boolean hasUpdates, long latestVersion, JsonNode metadata) {

    /** Reads the answer's JSON; anything that is not a well-formed {@code success: true} answer is a failure. */
    static SyncAnswer from(JsonNode body) throws SyncFailure {
        if (body == null || !body.isObject() || !body.path("success").asBoolean(false)) {
            throw new SyncFailure(SyncFailure.Kind.FAILED, "answer without success=true: " + abbreviate(body));
        }
        JsonNode latest = body.path("latest_version");
        if (!latest.isIntegralNumber() || !body.path("has_updates").isBoolean()) {
            throw new SyncFailure(SyncFailure.Kind.FAILED, "answer without has_updates or latest_version: " + abbreviate(body));
        }
        boolean hasUpdates = body.path("has_updates").booleanValue();
        return new SyncAnswer(hasUpdates, latest.longValue(), hasUpdates ? body.get("metadata") : null);
    }

    private static String abbreviate(JsonNode body) {
        String text = String.valueOf(body);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
