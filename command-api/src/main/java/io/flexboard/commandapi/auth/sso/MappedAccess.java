package io.flexboard.commandapi.auth.sso;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.flexboard.foundation.identity.Role;

/**
 * The role and tenants a person's groups map to: of every mapping whose group they are in, the most
 * privileged role wins and the tenants are the union (a super-admin has every tenant, so none are listed).
 * Group names compare exactly, as the provider spells them.
 */
record MappedAccess(Role role, List<String> tenants) {

    /** The access the groups give under the provider's mappings; empty when no group is mapped. */
    static Optional<MappedAccess> of(SsoSettings.Provider provider, Collection<String> groups) {
        Role role = null;
        Set<String> tenants = new LinkedHashSet<>();
        for (SsoSettings.GroupMapping mapping : provider.groupMappings()) {
            if (groups.contains(mapping.group())) {
                Role mapped = mapping.mappedRole();
                // Role lists the most privileged first.
                role = role == null || mapped.ordinal() < role.ordinal() ? mapped : role;
                tenants.addAll(mapping.tenants());
            }
        }
        if (role == null) {
            return Optional.empty();
        }
        return Optional.of(new MappedAccess(role, role == Role.SUPER_ADMIN ? List.of() : List.copyOf(tenants)));
    }
}
