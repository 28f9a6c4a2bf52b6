package io.flexboard.commandapi.user;

import java.util.Collection;
import java.util.Set;

/** The tenants that exist, so a user is never given a tenant id nobody created. */
public interface KnownTenants {

    /** The ids among {@code tenantIds} that name no tenant. */
    Set<String> unknown(Collection<String> tenantIds);
}
