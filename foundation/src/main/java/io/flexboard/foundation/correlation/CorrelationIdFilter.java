package io.flexboard.foundation.correlation;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/** Echoes (or generates) {@code X-Correlation-Id}, keeps it on the exchange and hands it to logging. */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter implements WebFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = CorrelationIdLogging.KEY;
    private static final String ATTRIBUTE = CorrelationIdFilter.class.getName();
    // A caller-supplied id lands in logs, headers and events: accept only plain tokens, never control characters.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** The correlation id of this exchange, for log lines and events written outside the reactive chain. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(ATTRIBUTE, "");
    }

    /** The id a request answers with: the one it {@code given} when that is a plain token, else a new one. */
    public static String idFor(String given) {
        return given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = idFor(exchange.getRequest().getHeaders().getFirst(HEADER));
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(HEADER, id);
        return chain.filter(exchange).contextWrite(Context.of(MDC_KEY, id));
    }
}
