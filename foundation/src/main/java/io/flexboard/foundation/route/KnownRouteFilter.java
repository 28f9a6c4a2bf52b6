package io.flexboard.foundation.route;

import io.flexboard.foundation.problem.ProblemException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request that no route matches with 404, before authentication, any wait or any handler, by
 * asking the same handler mappings the dispatcher will ask (so "matches" means what routing means: decoded
 * path, {@code ;} parameters stripped, case-sensitive). The matched handler is kept on the exchange for
 * later filters that decide by route (the read-your-writes wait). A path that matches with another method
 * or media type counts as a route: the dispatcher answers 405/415 for it once the caller is authenticated.
 *
 * <p>Services serve no static resources from {@code /**} ({@code spring.web.resources.add-mappings: false},
 * or a narrower {@code static-path-pattern} like query-api's {@code /ops/**}), so no catch-all mapping
 * makes every path a route.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
public class KnownRouteFilter implements WebFilter {

    private static final String ATTRIBUTE = KnownRouteFilter.class.getName() + ".handler";
    private static final Object ROUTE_WITH_OTHER_METHOD = new Object();

    private final ObjectProvider<DispatcherHandler> dispatcher;
    private volatile List<HandlerMapping> mappings;

    public KnownRouteFilter(ObjectProvider<DispatcherHandler> dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** The handler the request's route leads to (e.g. a HandlerMethod), or null when none was determined. */
    public static Object handlerOf(ServerWebExchange exchange) {
        Object handler = exchange.getAttribute(ATTRIBUTE);
        return handler == ROUTE_WITH_OTHER_METHOD ? null : handler;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return Flux.fromIterable(mappings())
                .concatMap(mapping -> mapping.getHandler(exchange)
                        .onErrorResume(otherMethodOrType -> Mono.just(ROUTE_WITH_OTHER_METHOD)))
                .next()
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("No such resource")))
                .flatMap(handler -> {
                    exchange.getAttributes().put(ATTRIBUTE, handler);
                    return chain.filter(exchange);
                });
    }

    private List<HandlerMapping> mappings() {
        List<HandlerMapping> current = mappings;
        if (current == null) {
            // The dispatcher collects and orders the mappings when the context starts; ask it, once.
            List<HandlerMapping> found = dispatcher.getObject().getHandlerMappings();
            current = found == null ? List.of() : List.copyOf(found);
            mappings = current;
        }
        return current;
    }
}
