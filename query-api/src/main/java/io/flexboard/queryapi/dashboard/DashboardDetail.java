package io.flexboard.queryapi.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One dashboard with its widgets in sort order (GET /api/dashboards/{dashboardId}). */
public record DashboardDetail(
        UUID id,
        UUID tenantId,
        String name,
        String slug,
        String description,
        int widgetCount,
        Instant createdAt,
        Instant updatedAt,
        List<WidgetView> widgets) {
}
