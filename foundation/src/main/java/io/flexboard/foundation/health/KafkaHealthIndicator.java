package io.flexboard.foundation.health;

import java.time.Duration;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The {@code kafka} check: the broker answers a cluster description within the health timeout. */
@Component("kafkaHealthIndicator")
@Import(HealthAdminClient.class)
public class KafkaHealthIndicator extends BoundedHealthIndicator {

    private final HealthAdminClient admin;
    private final int timeoutMs;

    public KafkaHealthIndicator(HealthAdminClient admin, @Value("${flexboard.health.timeout:2s}") Duration timeout) {
        super(timeout);
        this.admin = admin;
        this.timeoutMs = (int) timeout.toMillis();
    }

    @Override
    protected Mono<Health> check() {
        DescribeClusterResult cluster = admin.get().describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
        return Mono.fromFuture(cluster.clusterId().toCompletionStage().toCompletableFuture())
                .zipWith(Mono.fromFuture(cluster.nodes().toCompletionStage().toCompletableFuture()))
                .map(answer -> Health.up().withDetail("clusterId", answer.getT1())
                        .withDetail("brokers", answer.getT2().size()).build());
    }
}
