package io.flexboard.foundation.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads {@code Authorization: Bearer <token>} (scheme case-insensitive). No header, another scheme or an
 * empty token is no credential at all: authorization then refuses with 401 before anything is looked up.
 */
final class BearerTokenConverter implements ServerAuthenticationConverter {

    private static final String BEARER = "Bearer ";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.empty();
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? Mono.empty() : Mono.just(new BearerToken(token));
    }
}
