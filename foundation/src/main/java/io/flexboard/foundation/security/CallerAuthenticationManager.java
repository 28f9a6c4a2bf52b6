package io.flexboard.foundation.security;

import io.flexboard.foundation.identity.AccessTokens;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * How command-api, query-api and the projector authenticate people: a bearer token shaped like a JWS is an
 * access token the control plane signed (verified with {@link AccessTokens}); anything else is compared
 * with the break-glass admin token. Either way the result is an {@link io.flexboard.foundation.identity.Caller}.
 */
public final class CallerAuthenticationManager implements ReactiveAuthenticationManager {

    private final AccessTokens accessTokens;
    private final AdminTokenAuthenticationManager adminToken;

    public CallerAuthenticationManager(AccessTokens accessTokens, AdminTokenAuthenticationManager adminToken) {
        this.accessTokens = accessTokens;
        this.adminToken = adminToken;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (authentication instanceof BearerToken bearer && AccessTokens.looksLikeAccessToken(bearer.token())) {
            // Pure CPU (one RSA verification, ~0.1 ms): no I/O, so it runs where the request is.
            return Mono.fromCallable(() -> accessTokens.verify(bearer.token()));
        }
        return adminToken.authenticate(authentication);
    }
}
