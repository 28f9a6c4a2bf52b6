package io.flexboard.commandapi.auth.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.flexboard.foundation.identity.Role;
import org.junit.jupiter.api.Test;

/** How a person's groups map to one role and a set of tenants, and which configurations are refused at start-up. */
class MappedAccessTest {

    private static final SsoSettings.Provider PROVIDER = provider(List.of(
            new SsoSettings.GroupMapping("acme-viewers", "viewer", List.of("acme")),
            new SsoSettings.GroupMapping("globex-editors", "dashboard-editor", List.of("globex")),
            new SsoSettings.GroupMapping("acme-admins", "tenant-admin", List.of("acme")),
            new SsoSettings.GroupMapping("/platform", "super-admin", List.of())));

    @Test
    void the_most_privileged_mapped_role_wins_and_the_tenants_are_the_union() {
        MappedAccess access = MappedAccess.of(PROVIDER, List.of("acme-viewers", "globex-editors", "marketing")).orElseThrow();

        assertThat(access.role()).isEqualTo(Role.DASHBOARD_EDITOR);
        assertThat(access.tenants()).containsExactly("acme", "globex");
    }

    @Test
    void a_super_admin_group_gives_every_tenant_so_none_are_listed() {
        MappedAccess access = MappedAccess.of(PROVIDER, List.of("acme-admins", "/platform")).orElseThrow();

        assertThat(access.role()).isEqualTo(Role.SUPER_ADMIN);
        assertThat(access.tenants()).isEmpty();
    }

    @Test
    void no_mapped_group_maps_to_nothing() {
        assertThat(MappedAccess.of(PROVIDER, List.of("marketing", "ACME-ADMINS"))).as("names compare exactly").isEmpty();
        assertThat(MappedAccess.of(PROVIDER, List.of())).isEmpty();
    }

    @Test
    void a_mapping_to_an_unknown_role_stops_the_start_up_naming_the_property() {
        assertThatThrownBy(() -> settings(provider(List.of(new SsoSettings.GroupMapping("g", "owner", List.of("acme"))))))
                .hasMessageContaining("flexboard.sso.providers.idp.group-mappings[0].role");
    }

    @Test
    void a_tenant_role_without_tenants_stops_the_start_up() {
        assertThatThrownBy(() -> settings(provider(List.of(new SsoSettings.GroupMapping("g", "viewer", List.of())))))
                .hasMessageContaining("group-mappings[0].tenants");
    }

    @Test
    void a_provider_id_that_cannot_be_a_path_segment_stops_the_start_up() {
        assertThatThrownBy(() -> new SsoSettings("", null, Map.of("Bad/Id", PROVIDER)))
                .hasMessageContaining("lower-case letters, digits and dashes");
    }

    @Test
    void an_oidc_provider_without_client_id_stops_the_start_up() {
        SsoSettings.Provider noClient = new SsoSettings.Provider(SsoSettings.Type.OIDC, "IdP", "https://idp.example",
                null, null, null, null, null, null, null, null, PROVIDER.groupMappings());

        assertThatThrownBy(() -> settings(noClient)).hasMessageContaining("flexboard.sso.providers.idp.client-id");
    }

    private static SsoSettings settings(SsoSettings.Provider provider) {
        return new SsoSettings("", null, Map.of("idp", provider));
    }

    private static SsoSettings.Provider provider(List<SsoSettings.GroupMapping> mappings) {
        return new SsoSettings.Provider(SsoSettings.Type.OIDC, "IdP", "https://idp.example", "flexboard", "", null, null,
                null, null, null, null, mappings);
    }
}
