package io.flexboard.agentbridge.apikey;

import io.flexboard.foundation.security.BearerToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authenticates an agent's bearer token as a tenant API key. An unknown key is refused at once (401),
 * whatever else the request carries: no consistency token makes it wait for a key to be projected, so
 * strangers cannot park requests. A key issued a moment ago works once the projector wrote it; clients
 * wait for that through query-api with the command's consistency token (docs/agent-bridge.md).
 */
@Component
public class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

    private final ApiKeyCache apiKeys;

    public ApiKeyAuthenticationManager(ApiKeyCache apiKeys) {
        this.apiKeys = apiKeys;
    }

    /** The detail of the 401 for a key that is not (or no longer) valid. */
    public static final String INVALID_KEY = "The API key is not valid";

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerToken bearer)) {
            return Mono.empty();
        }
        return keyOf(bearer.token())
                .<Authentication>map(key -> key)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException(INVALID_KEY)));
    }

    /** The key {@code token} is, or empty when it is unknown or revoked. */
    public Mono<ApiKeyAuthentication> keyOf(String token) {
        String keyHash = ApiKeyCache.hash(token);
        return apiKeys.tenantOf(keyHash).map(tenant -> new ApiKeyAuthentication(tenant, keyHash));
    }
}
