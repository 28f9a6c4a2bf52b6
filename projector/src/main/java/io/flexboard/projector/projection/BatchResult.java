package io.flexboard.projector.projection;

import java.util.Set;
import java.util.UUID;

/** What one committed batch did: events applied, duplicates skipped, tenants touched. */
public record BatchResult(int applied, int duplicates, Set<UUID> tenants) {
}
