package io.flexboard.queryapi.web;

import io.flexboard.queryapi.config.FlexboardProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Lets only the builder's admin bearer token reach {@code /api/**}; health stays open for probes. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class AdminTokenFilter implements WebFilter {

    private static final String BEARER = "Bearer ";

    private final byte[] adminToken;

    public AdminTokenFilter(FlexboardProperties properties) {
        this.adminToken = properties.adminToken().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.error(ProblemException.unauthorized("A bearer token is required"));
        }
        byte[] presented = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        // Constant-time comparison so response timing does not reveal how much of the token matched.
        if (!MessageDigest.isEqual(presented, adminToken)) {
            return Mono.error(ProblemException.unauthorized("The bearer token is not valid"));
        }
        return chain.filter(exchange);
    }
}
