package io.flexboard.infra.local.router;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.reactivestreams.Publisher;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The routes services answer straight from Reactor Netty on their own ports (Spring Boot's
 * {@link NettyRouteProvider}s: agent-bridge's direct sync route), served on the router's port before its
 * in-process hand-over to the services' WebFlux handlers — so the local stack answers a sync the way a
 * deployed bridge does, not by a longer path. Only while every service that contributed a route is up: a
 * stopped service's requests go to the router's handler, which answers 503 for it.
 */
public final class DirectRoutes {

    private final List<NettyRouteProvider> providers;
    private final BooleanSupplier servicesUp;

    private DirectRoutes(List<NettyRouteProvider> providers, BooleanSupplier servicesUp) {
        this.providers = List.copyOf(providers);
        this.servicesUp = servicesUp;
    }

    /** The routes of {@code providers}, served while {@code servicesUp} says their services run. */
    public static DirectRoutes of(List<NettyRouteProvider> providers, BooleanSupplier servicesUp) {
        return new DirectRoutes(providers, servicesUp);
    }

    public static DirectRoutes none() {
        return new DirectRoutes(List.of(), () -> false);
    }

    /** A handler answering the direct routes' requests and handing every other one to {@code handler}. */
    BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> before(
            BiFunction<? super HttpServerRequest, ? super HttpServerResponse, ? extends Publisher<Void>> handler) {
        if (providers.isEmpty()) {
            return handler::apply;
        }
        HttpServerRoutes routes = HttpServerRoutes.newRoutes();
        for (NettyRouteProvider provider : providers) {
            routes = provider.apply(routes);
        }
        HttpServerRoutes withFallback = routes.route(request -> true, handler);
        return (request, response) -> servicesUp.getAsBoolean() ? withFallback.apply(request, response) : handler.apply(request, response);
    }
}
