package io.flexboard.agentbridge.web;

import io.flexboard.agentbridge.config.FlexboardProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a declared-too-large body with 413 before reading it; bodies without a length are capped by
 * {@code spring.codec.max-in-memory-size}, which application.yml ties to the same property.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodySizeLimitFilter implements WebFilter {

    private final long maxBytes;

    public BodySizeLimitFilter(FlexboardProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
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
