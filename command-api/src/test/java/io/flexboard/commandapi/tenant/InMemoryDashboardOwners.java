package io.flexboard.commandapi.tenant;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The aggregate tests' dashboard owners: what the command side's table would hold, in a map. */
final class InMemoryDashboardOwners implements DashboardOwners {

    private final Map<String, String> tenants = new HashMap<>();

    @Override
    public void register(String dashboardId, String tenantId) {
        tenants.put(dashboardId, tenantId);
    }

    @Override
    public Optional<String> tenantOf(String dashboardId) {
        return Optional.ofNullable(tenants.get(dashboardId));
    }

    @Override
    public Optional<Owner> ownerOf(String dashboardId) {
        return tenantOf(dashboardId).map(tenant -> new Owner(tenant, null));
    }
}
