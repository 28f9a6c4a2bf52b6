package io.flexboard.foundation.correlation;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Notes when a request arrived, before any filter waits, so a request's measured duration covers its whole stay. */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestArrivalFilter implements WebFilter {

    private static final String ATTRIBUTE = RequestArrivalFilter.class.getName();

    /** {@link System#nanoTime()} at the request's arrival. */
    public static long arrivalNanos(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(ATTRIBUTE, System.nanoTime());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(ATTRIBUTE, System.nanoTime());
        return chain.filter(exchange);
    }
}
