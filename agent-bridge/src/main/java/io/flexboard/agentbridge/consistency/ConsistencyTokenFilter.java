package io.flexboard.agentbridge.consistency;

import io.flexboard.agentbridge.config.FlexboardProperties;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Read-your-writes: holds a request carrying {@code X-Consistency-Token} until the read side has caught up. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30) // after authentication: strangers must not park requests
public class ConsistencyTokenFilter implements WebFilter {

    private final TenantPositions positions;
    private final Duration maxWait;

    public ConsistencyTokenFilter(TenantPositions positions, FlexboardProperties properties) {
        this.positions = positions;
        this.maxWait = properties.consistency().maxWait();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String header = exchange.getRequest().getHeaders().getFirst(ConsistencyToken.HEADER);
        if (header == null) {
            return chain.filter(exchange);
        }
        return Mono.defer(() -> positions.awaitReached(ConsistencyToken.parse(header), maxWait))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }
}
