package io.flexboard.queryapi.datasource;

import java.time.Instant;

/**
 * One data source the tenant's agents report (GET /api/tenants/{tenantId}/data-sources): an id a widget's
 * {@code dataSource.connection} may name, its type, how many agents have it, and when one of them last synced.
 * Agents report ids and types only, so there is nothing more to show.
 */
record DataSourceView(String id, String type, long agents, Instant lastReportedAt) {
}
