package io.flexboard.foundation.security;

import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;

/** Who authenticated the current exchange, readable without Reactor's context (e.g. by a handler building a command). */
public final class Authenticated {

    private static final String ATTRIBUTE = Authenticated.class.getName();

    private Authenticated() {
    }

    /** The exchange's authentication; fails on a route that needs none (a programming error, not a client's). */
    public static Authentication of(ServerWebExchange exchange) {
        return exchange.getRequiredAttribute(ATTRIBUTE);
    }

    /** The exchange's authentication as the type the service's authentication manager issues. */
    public static <T extends Authentication> T as(ServerWebExchange exchange, Class<T> type) {
        return type.cast(of(exchange));
    }

    static void remember(ServerWebExchange exchange, Authentication authentication) {
        exchange.getAttributes().put(ATTRIBUTE, authentication);
    }
}
