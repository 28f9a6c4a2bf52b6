package io.flexboard.queryapi.identity;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Which tenant a dashboard belongs to: all ReadAccess needs to check a read of {@code /api/dashboards/{id}}.
 * The dashboards' read model answers it, so that identity depends on no feature (the features depend on it).
 */
public interface DashboardOwners {

    /** The tenant a dashboard belongs to (it never changes), or empty when unknown. */
    Mono<UUID> tenantOf(UUID dashboardId);
}
