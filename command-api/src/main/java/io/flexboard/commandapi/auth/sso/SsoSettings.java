package io.flexboard.commandapi.auth.sso;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.flexboard.foundation.identity.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The single sign-on settings: the configured identity providers ({@code flexboard.sso.*}, docs/operations.md
 * "Single sign-on"). Checked when the service starts: a provider with a missing setting or a mapping to an
 * unknown role stops the start-up, naming the property, instead of refusing every sign-in later.
 *
 * @param publicUrl    the URL browsers reach Flexboard at (the router's), e.g. https://flexboard.example.com;
 *                     empty = the URL of each request as this service sees it (fine without a proxy in between)
 * @param loginTimeout how long a started sign-in may take at the provider before its state expires
 * @param providers    the providers by id; the id is a path segment of the login, callback and ACS URLs
 */
@ConfigurationProperties("flexboard.sso")
public record SsoSettings(String publicUrl, Duration loginTimeout, Map<String, Provider> providers) {

    private static final Pattern PROVIDER_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,39}$");

    public SsoSettings {
        publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
        loginTimeout = loginTimeout == null ? Duration.ofMinutes(10) : loginTimeout;
        providers = providers == null ? Map.of() : new LinkedHashMap<>(providers);
        providers.forEach(SsoSettings::check);
    }

    /** The two protocols. */
    public enum Type { OIDC, SAML }

    /**
     * One identity provider.
     *
     * @param type           oidc or saml
     * @param name           what the sign-in button says
     * @param issuer         OIDC: the issuer URL; its {@code /.well-known/openid-configuration} names the endpoints
     * @param clientId       OIDC: the client registered at the provider
     * @param clientSecret   OIDC: its secret; empty for a public client (PKCE alone)
     * @param scopes         OIDC: requested scopes; default openid, profile, email
     * @param groupsClaim    the ID token claim (OIDC) or assertion attribute (SAML) that lists the user's groups
     * @param idpEntityId    SAML: the IdP's entity id, the Issuer of its responses
     * @param idpSsoUrl      SAML: the IdP's single sign-on URL (HTTP-Redirect binding)
     * @param idpCertificate SAML: the IdP's signing certificate (PEM or its base64 body)
     * @param spEntityId     SAML: Flexboard's entity id at the IdP, the audience of the assertions
     * @param groupMappings  which groups give which role on which tenants
     */
    public record Provider(Type type, String name, String issuer, String clientId, String clientSecret, List<String> scopes,
                           String groupsClaim, String idpEntityId, String idpSsoUrl, String idpCertificate, String spEntityId,
                           List<GroupMapping> groupMappings) {

        public Provider {
            scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
            groupsClaim = blank(groupsClaim) ? "groups" : groupsClaim.strip();
            clientSecret = clientSecret == null ? "" : clientSecret.strip();
            groupMappings = groupMappings == null ? List.of() : List.copyOf(groupMappings);
        }
    }

    /**
     * Members of {@code group} get {@code role} on {@code tenants} (tenant ids or slugs); a super-admin needs none.
     */
    public record GroupMapping(String group, String role, List<String> tenants) {

        public GroupMapping {
            tenants = tenants == null ? List.of() : tenants.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        }

        Role mappedRole() {
            return Role.named(role).orElseThrow();
        }
    }

    /** The provider with this id, if configured. */
    public Optional<Provider> provider(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    private static void check(String id, Provider provider) {
        String prefix = "flexboard.sso.providers." + id + ".";
        if (!PROVIDER_ID.matcher(id).matches()) {
            throw new IllegalStateException("flexboard.sso.providers." + id
                    + ": a provider id is 1-40 lower-case letters, digits and dashes (it is part of the callback URL)");
        }
        require(provider.type() != null, prefix + "type", "oidc or saml");
        require(!blank(provider.name()), prefix + "name", "the sign-in button's text");
        if (provider.type() == Type.OIDC) {
            require(!blank(provider.issuer()), prefix + "issuer", "the provider's issuer URL");
            require(!blank(provider.clientId()), prefix + "client-id", "the client registered at the provider");
            require(provider.scopes().contains("openid"), prefix + "scopes", "a list that includes openid");
        } else {
            require(!blank(provider.idpEntityId()), prefix + "idp-entity-id", "the IdP's entity id");
            require(!blank(provider.idpSsoUrl()), prefix + "idp-sso-url", "the IdP's single sign-on URL");
            require(!blank(provider.idpCertificate()), prefix + "idp-certificate", "the IdP's signing certificate");
            require(!blank(provider.spEntityId()), prefix + "sp-entity-id", "Flexboard's entity id at the IdP");
        }
        require(!provider.groupMappings().isEmpty(), prefix + "group-mappings", "at least one group → role mapping");
        for (int i = 0; i < provider.groupMappings().size(); i++) {
            GroupMapping mapping = provider.groupMappings().get(i);
            String at = prefix + "group-mappings[" + i + "].";
            require(!blank(mapping.group()), at + "group", "a group name as the provider sends it");
            require(mapping.role() != null && Role.named(mapping.role()).isPresent(), at + "role",
                    "super-admin, tenant-admin, dashboard-editor or viewer");
            require(mapping.mappedRole() == Role.SUPER_ADMIN || !mapping.tenants().isEmpty(), at + "tenants",
                    "at least one tenant id or slug for a role other than super-admin");
        }
    }

    private static void require(boolean holds, String property, String expected) {
        if (!holds) {
            throw new IllegalStateException(property + " must be set: " + expected + " (docs/operations.md, Single sign-on)");
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
