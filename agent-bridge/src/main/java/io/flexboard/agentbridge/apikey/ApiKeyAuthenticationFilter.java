package io.flexboard.agentbridge.apikey;

import io.flexboard.agentbridge.web.ProblemException;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Authenticates {@code /api/**} with a tenant API key and records whose key it is; whether that tenant
 * may ask for the requested tenant is the sync's decision (403), not this filter's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class ApiKeyAuthenticationFilter implements WebFilter {

    private static final String BEARER = "Bearer ";
    private static final String TENANT_ATTRIBUTE = ApiKeyAuthenticationFilter.class.getName() + ".tenant";

    private final ApiKeys apiKeys;

    public ApiKeyAuthenticationFilter(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    /** The tenant whose API key authenticated this exchange. */
    public static UUID authenticatedTenant(ServerWebExchange exchange) {
        return exchange.getRequiredAttribute(TENANT_ATTRIBUTE);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.length() == BEARER.length()) {
            return Mono.error(ProblemException.unauthorized("A tenant API key is required as bearer token"));
        }
        return apiKeys.tenantOf(authorization.substring(BEARER.length()).trim())
                .switchIfEmpty(Mono.error(() -> ProblemException.unauthorized("The API key is not valid")))
                .flatMap(tenant -> {
                    exchange.getAttributes().put(TENANT_ATTRIBUTE, tenant);
                    return chain.filter(exchange);
                });
    }
}
