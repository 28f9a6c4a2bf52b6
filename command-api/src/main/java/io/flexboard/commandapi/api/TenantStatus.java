package io.flexboard.commandapi.api;

/** Whether a tenant is paused, and the admin's reason while it is (null otherwise or when none was given). */
public record TenantStatus(boolean paused, String pausedReason) {
}
