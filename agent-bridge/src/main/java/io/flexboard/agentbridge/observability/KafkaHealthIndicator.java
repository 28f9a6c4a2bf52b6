package io.flexboard.agentbridge.observability;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The {@code kafka} check: the broker answers a cluster description within the health timeout. */
@Component("kafkaHealthIndicator")
class KafkaHealthIndicator extends BoundedHealthIndicator implements DisposableBean {

    private final Map<String, Object> config;
    private final int timeoutMs;
    private volatile AdminClient admin;

    KafkaHealthIndicator(KafkaAdmin kafkaAdmin, @Value("${flexboard.health.timeout:2s}") Duration timeout) {
        super(timeout);
        this.config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        this.config.put(AdminClientConfig.CLIENT_ID_CONFIG, "agent-bridge-health");
        this.timeoutMs = (int) timeout.toMillis();
    }

    @Override
    Mono<Health> check() {
        DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
        return Mono.fromFuture(cluster.clusterId().toCompletionStage().toCompletableFuture())
                .zipWith(Mono.fromFuture(cluster.nodes().toCompletionStage().toCompletableFuture()))
                .map(answer -> Health.up().withDetail("clusterId", answer.getT1())
                        .withDetail("brokers", answer.getT2().size()).build());
    }

    /** Created on the first check, so a service started before its broker does not wait for it. */
    private AdminClient admin() {
        AdminClient current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = AdminClient.create(config);
                }
                current = admin;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
