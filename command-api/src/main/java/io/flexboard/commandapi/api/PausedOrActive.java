package io.flexboard.commandapi.api;

/**
 * What pausing or activating a tenant answers: whether it is paused now, and the admin's reason while it is
 * (null otherwise or when none was given). The HTTP layer shows it as the tenant status, {@code active|paused}.
 */
public record PausedOrActive(boolean paused, String pausedReason) {
}
