package io.flexboard.foundation.body;

import io.flexboard.foundation.problem.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a declared-too-large body ({@code flexboard.max-body-size}) with 413 before reading it; bodies
 * without a length are capped by {@code spring.codec.max-in-memory-size}, which each service ties to the
 * same property.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodySizeLimitFilter implements WebFilter {

    private final long maxBytes;

    public BodySizeLimitFilter(DataSize maxBodySize) {
        this.maxBytes = maxBodySize.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            // The unread body is still on the wire: the connection cannot serve another request.
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            return Mono.error(ProblemException.payloadTooLarge(
                    "The request body has " + length + " bytes; at most " + maxBytes + " are accepted"));
        }
        return chain.filter(exchange);
    }
}
