package io.flexboard.commandapi.tenant;

import java.util.Optional;

/** Which tenant each dashboard belongs to, for commands addressed by dashboard id. */
public interface DashboardOwners {

    /** Records the owner in the current transaction. */
    void register(String dashboardId, String tenantId);

    /** A dashboard's tenant and the user who created it (null: the admin token, or before users existed). */
    record Owner(String tenantId, String createdBy) {
    }

    /** The dashboard's tenant and creator, or empty for an unknown dashboard. */
    Optional<Owner> ownerOf(String dashboardId);

    /** The owning tenant, or empty for an unknown dashboard. */
    Optional<String> tenantOf(String dashboardId);
}
