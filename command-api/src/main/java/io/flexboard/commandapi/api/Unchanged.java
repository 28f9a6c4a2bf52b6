package io.flexboard.commandapi.api;

/**
 * What a handler answers when the aggregate already was as the command asked (pausing a paused
 * tenant): no event was applied, so the version the handler found stays the ETag.
 */
public record Unchanged(Object result, long aggregateVersion) {
}
