package io.flexboard.agentbridge.observability;

import io.flexboard.agentbridge.publish.PublishListener;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The {@code listen} component: whether this replica's LISTEN connection for publishes is up. Always
 * UP, with {@code listening} in the details: while it re-connects, syncs are still answered from the
 * database and parked long-polls are woken by their timeout, so taking the replica out of the load
 * balancer would only move its agents onto others (watch {@code flexboard_agentbridge_listen_connects_total}
 * and {@code flexboard_agentbridge_missed_publishes_total} instead).
 */
@Component("listenHealthIndicator")
class ListenHealthIndicator implements ReactiveHealthIndicator {

    private final PublishListener listener;

    ListenHealthIndicator(PublishListener listener) {
        this.listener = listener;
    }

    @Override
    public Mono<Health> health() {
        return Mono.just(Health.up()
                .withDetail("listening", listener.isConnected())
                .withDetail("channel", PublishListener.CHANNEL)
                .build());
    }
}
