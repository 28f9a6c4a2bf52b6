package io.flexboard.fold;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code dashboards}: the builder's current, unversioned dashboard. */
public record DashboardRow(
        UUID id,
        UUID tenantId,
        String name,
        String slug,
        String description,
        int widgetCount,
        Instant createdAt,
        Instant updatedAt) {

    DashboardRow withWidgetCount(int count, Instant at) {
        return new DashboardRow(id, tenantId, name, slug, description, count, createdAt, at);
    }
}
