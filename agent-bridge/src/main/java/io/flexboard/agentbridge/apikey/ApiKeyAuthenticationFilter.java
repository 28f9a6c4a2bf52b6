package io.flexboard.agentbridge.apikey;

import io.flexboard.agentbridge.config.FlexboardProperties;
import io.flexboard.agentbridge.consistency.ConsistencyToken;
import io.flexboard.agentbridge.consistency.TenantPositions;
import io.flexboard.agentbridge.web.ProblemException;
import java.time.Duration;
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
 *
 * <p>A key issued moments ago may not be projected yet. When the request carries the
 * {@code X-Consistency-Token} of the command that issued it, an unknown key is looked up once more
 * after the read side has reached that token, so "create tenant, then sync" needs no sleep. Without
 * a token an unknown key is refused at once: strangers cannot park requests for free.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class ApiKeyAuthenticationFilter implements WebFilter {

    private static final String BEARER = "Bearer ";
    private static final String TENANT_ATTRIBUTE = ApiKeyAuthenticationFilter.class.getName() + ".tenant";
    private static final String KEY_HASH_ATTRIBUTE = ApiKeyAuthenticationFilter.class.getName() + ".keyHash";

    private final ApiKeys apiKeys;
    private final TenantPositions positions;
    private final Duration maxWait;

    public ApiKeyAuthenticationFilter(ApiKeys apiKeys, TenantPositions positions, FlexboardProperties properties) {
        this.apiKeys = apiKeys;
        this.positions = positions;
        this.maxWait = properties.consistency().maxWait();
    }

    /** The tenant whose API key authenticated this exchange. */
    public static UUID authenticatedTenant(ServerWebExchange exchange) {
        return exchange.getRequiredAttribute(TENANT_ATTRIBUTE);
    }

    /** The hash of the API key that authenticated this exchange (rate limits and reports name keys by it). */
    public static String authenticatedKeyHash(ServerWebExchange exchange) {
        return exchange.getRequiredAttribute(KEY_HASH_ATTRIBUTE);
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
        String keyHash = ApiKeys.hash(authorization.substring(BEARER.length()).trim());
        String token = exchange.getRequest().getHeaders().getFirst(ConsistencyToken.HEADER);
        Mono<UUID> keyOnceCaughtUp = token == null ? Mono.empty()
                : Mono.defer(() -> positions.awaitReached(ConsistencyToken.parse(token), maxWait))
                        .then(Mono.defer(() -> apiKeys.tenantOf(keyHash)));
        return apiKeys.tenantOf(keyHash)
                .switchIfEmpty(keyOnceCaughtUp)
                .switchIfEmpty(Mono.error(() -> ProblemException.unauthorized("The API key is not valid")))
                .flatMap(tenant -> {
                    exchange.getAttributes().put(TENANT_ATTRIBUTE, tenant);
                    exchange.getAttributes().put(KEY_HASH_ATTRIBUTE, keyHash);
                    return chain.filter(exchange);
                });
    }
}
