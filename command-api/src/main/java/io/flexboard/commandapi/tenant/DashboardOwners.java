package io.flexboard.commandapi.tenant;

import java.util.Optional;

/** Which tenant each dashboard belongs to, for commands addressed by dashboard id. */
public interface DashboardOwners {

    /** Records the owner in the current transaction. */
    void register(String dashboardId, String tenantId);

    /** The owning tenant, or empty for an unknown dashboard. */
    Optional<String> tenantOf(String dashboardId);
}
