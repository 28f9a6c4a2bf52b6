package io.flexboard.commandapi.api;

/**
 * What a handled command answers: the handler's result and the tenant aggregate's version after
 * it, which the HTTP layer shows as the ETag and in the consistency token.
 */
public record CommandOutcome(Object result, long aggregateVersion) {
}
