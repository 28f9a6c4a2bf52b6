package io.flexboard.foundation.identity;

import static io.flexboard.foundation.identity.Permission.Action.CREATE;
import static io.flexboard.foundation.identity.Permission.Action.PUBLISH;
import static io.flexboard.foundation.identity.Permission.Action.READ;
import static io.flexboard.foundation.identity.Permission.Action.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.foundation.identity.Permission.Resource;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The roadmap's permission table, line by line, for a caller's own and another tenant. */
class PermissionsTest {

    private static final String OWN_TENANT = "11111111-1111-4111-8111-111111111111";
    private static final String OTHER_TENANT = "22222222-2222-4222-8222-222222222222";
    private static final String ME = "33333333-3333-4333-8333-333333333333";
    private static final String SOMEONE_ELSE = "44444444-4444-4444-8444-444444444444";

    @Test
    void a_super_admin_may_do_everything_everywhere() {
        Caller admin = caller(Role.SUPER_ADMIN);

        assertThat(Permissions.allows(admin, Resource.USERS, CREATE, null)).isTrue();
        assertThat(Permissions.allows(admin, Resource.TENANTS, UPDATE, OTHER_TENANT)).isTrue();
        assertThat(Permissions.seesEveryTenant(admin)).isTrue();
        assertThat(Permissions.allows(Caller.admin(), Resource.VERSIONS, PUBLISH, OTHER_TENANT)).isTrue();
    }

    @Test
    void a_tenant_admin_runs_its_tenants_dashboards_versions_and_keys_but_no_other_tenant() {
        Caller tenantAdmin = caller(Role.TENANT_ADMIN);

        assertThat(Permissions.allows(tenantAdmin, Resource.DASHBOARDS, CREATE, OWN_TENANT)).isTrue();
        assertThat(Permissions.allows(tenantAdmin, Resource.VERSIONS, PUBLISH, OWN_TENANT)).isTrue();
        assertThat(Permissions.allows(tenantAdmin, Resource.API_KEYS, CREATE, OWN_TENANT)).isTrue();
        assertThat(Permissions.allows(tenantAdmin, Resource.USERS, READ, OWN_TENANT)).isTrue();
        assertThat(Permissions.allows(tenantAdmin, Resource.DASHBOARDS, CREATE, OTHER_TENANT)).isFalse();
        assertThat(Permissions.allows(tenantAdmin, Resource.USERS, CREATE, OWN_TENANT)).isFalse();
        assertThat(Permissions.allows(tenantAdmin, Resource.TENANTS, CREATE, null)).isFalse();
        assertThat(Permissions.allows(tenantAdmin, Resource.TENANTS, UPDATE, OWN_TENANT)).isFalse();
    }

    @Test
    void a_dashboard_editor_edits_only_the_dashboards_it_created() {
        Caller editor = caller(Role.DASHBOARD_EDITOR);

        assertThat(Permissions.allows(editor, Resource.DASHBOARDS, READ, OWN_TENANT)).isTrue();
        assertThat(Permissions.allows(editor, Resource.WIDGETS, UPDATE, OWN_TENANT, ME)).isTrue();
        assertThat(Permissions.allows(editor, Resource.WIDGETS, UPDATE, OWN_TENANT, SOMEONE_ELSE)).isFalse();
        assertThat(Permissions.allows(editor, Resource.WIDGETS, UPDATE, OWN_TENANT, null)).isFalse();
        assertThat(Permissions.allows(editor, Resource.WIDGETS, UPDATE, OTHER_TENANT, ME)).isFalse();
        assertThat(Permissions.allows(editor, Resource.VERSIONS, PUBLISH, OWN_TENANT)).isFalse();
    }

    @Test
    void a_viewer_only_reads_its_tenants() {
        Caller viewer = caller(Role.VIEWER);

        assertThat(Permissions.allows(viewer, Resource.DASHBOARDS, READ, OWN_TENANT)).isTrue();
        assertThat(Permissions.allows(viewer, Resource.VERSIONS, READ, OWN_TENANT)).isTrue();
        assertThat(Permissions.allows(viewer, Resource.DASHBOARDS, READ, OTHER_TENANT)).isFalse();
        assertThat(Permissions.allows(viewer, Resource.DASHBOARDS, CREATE, OWN_TENANT)).isFalse();
        assertThat(Permissions.allows(viewer, Resource.USERS, READ, OWN_TENANT)).isFalse();
        assertThat(Permissions.seesEveryTenant(viewer)).isFalse();
    }

    private static Caller caller(Role role) {
        return Caller.user(ME, "me@example.com", "Me", role, Set.of(OWN_TENANT));
    }
}
