package io.flexboard.foundation.identity;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who sent a request, as every service sees it after authentication: a signed-in user (from an access
 * token) or the break-glass admin token. {@link #getName()} is the actor written into events: the user's
 * email, or {@value #ADMIN_ACTOR} for the admin token, so the audit trail tells them apart.
 */
public final class Caller extends AbstractAuthenticationToken {

    /** The actor the admin token stands for. */
    public static final String ADMIN_ACTOR = "admin";

    private final String id;
    private final String email;
    private final String displayName;
    private final Role role;
    private final Set<String> tenantIds;

    private Caller(String id, String email, String displayName, Role role, Set<String> tenantIds) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.tenantIds = Set.copyOf(tenantIds);
        setAuthenticated(true);
    }

    /** A user signed in with an access token. */
    public static Caller user(String id, String email, String name, Role role, Set<String> tenantIds) {
        return new Caller(id, email, name, role, role == Role.SUPER_ADMIN ? Set.of() : tenantIds);
    }

    /** The break-glass admin token: a super-admin that is nobody in particular. */
    public static Caller admin() {
        return new Caller(ADMIN_ACTOR, null, "Admin token", Role.SUPER_ADMIN, Set.of());
    }

    /** The user's UUID, or {@value #ADMIN_ACTOR} for the admin token. */
    public String id() {
        return id;
    }

    /** The user's email; null for the admin token. */
    public String email() {
        return email;
    }

    /** The display name. */
    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    /** The tenants the role applies to (empty for a super-admin, who has them all). */
    public Set<String> tenantIds() {
        return tenantIds;
    }

    /** The tenants, sorted: the stable order of /api/me and tokens. */
    public List<String> sortedTenantIds() {
        return List.copyOf(new TreeSet<>(tenantIds));
    }

    /** True for the admin token, whose events carry no user. */
    public boolean isAdminToken() {
        return email == null;
    }

    /** True when the role covers this tenant: a super-admin covers every tenant. */
    public boolean covers(String tenantId) {
        return role == Role.SUPER_ADMIN || (tenantId != null && tenantIds.contains(tenantId));
    }

    @Override
    public String getName() {
        return isAdminToken() ? ADMIN_ACTOR : email;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return getName();
    }
}
