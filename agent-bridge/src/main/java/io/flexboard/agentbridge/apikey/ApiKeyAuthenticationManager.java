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

    private final ApiKeys apiKeys;

    public ApiKeyAuthenticationManager(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerToken bearer)) {
            return Mono.empty();
        }
        String keyHash = ApiKeys.hash(bearer.token());
        return apiKeys.tenantOf(keyHash)
                .<Authentication>map(tenant -> new ApiKeyAuthentication(tenant, keyHash))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("The API key is not valid")));
    }
}
