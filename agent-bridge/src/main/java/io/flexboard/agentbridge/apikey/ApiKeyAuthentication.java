package io.flexboard.agentbridge.apikey;

import io.flexboard.foundation.security.Authenticated;
import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.server.ServerWebExchange;

/**
 * An agent authenticated by a tenant API key: whose key it is and the key's hash (rate limits and sync
 * reports name keys by it, never by the key). Whether that tenant may ask for the requested tenant is the
 * sync's decision (403), not authentication's.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final UUID tenant;
    private final String keyHash;

    ApiKeyAuthentication(UUID tenant, String keyHash) {
        super(List.of(new SimpleGrantedAuthority("ROLE_AGENT")));
        this.tenant = tenant;
        this.keyHash = keyHash;
        setAuthenticated(true);
    }

    /** The API key authentication of this exchange. */
    public static ApiKeyAuthentication of(ServerWebExchange exchange) {
        return Authenticated.as(exchange, ApiKeyAuthentication.class);
    }

    public UUID tenant() {
        return tenant;
    }

    public String keyHash() {
        return keyHash;
    }

    @Override
    public Object getCredentials() {
        return keyHash;
    }

    @Override
    public Object getPrincipal() {
        return tenant;
    }
}
