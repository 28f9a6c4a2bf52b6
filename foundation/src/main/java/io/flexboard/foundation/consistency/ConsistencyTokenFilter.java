package io.flexboard.foundation.consistency;

import io.flexboard.foundation.route.KnownRouteFilter;
import io.flexboard.foundation.security.ServiceSecurity;
import java.time.Duration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Read-your-writes: holds a request carrying {@code X-Consistency-Token} until the read side has caught
 * up, only on routes marked {@link ReadYourWrites} and only after authentication and the service's
 * admission checks (it runs after both): nobody unauthenticated, and no probe, parks a request.
 */
@Order(ServiceSecurity.AFTER_AUTHENTICATION + 10)
public class ConsistencyTokenFilter implements WebFilter {

    private final TenantPositions positions;
    private final Duration maxWait;

    public ConsistencyTokenFilter(TenantPositions positions, Duration maxWait) {
        this.positions = positions;
        this.maxWait = maxWait;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String header = exchange.getRequest().getHeaders().getFirst(ConsistencyToken.HEADER);
        if (header == null || !readsOwnWrites(KnownRouteFilter.handlerOf(exchange))) {
            return chain.filter(exchange);
        }
        return Mono.defer(() -> positions.awaitReached(ConsistencyToken.parse(header), maxWait))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }

    private static boolean readsOwnWrites(Object handler) {
        return handler instanceof HandlerMethod method
                && (AnnotatedElementUtils.hasAnnotation(method.getMethod(), ReadYourWrites.class)
                    || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ReadYourWrites.class));
    }
}
