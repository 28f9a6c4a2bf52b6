package io.flexboard.commandapi.api;

import java.util.List;

/** A user as a handled command left it: what the HTTP layer answers. */
public record UserSnapshot(String id, String email, String name, String role, List<String> tenantIds, boolean active) {
}
