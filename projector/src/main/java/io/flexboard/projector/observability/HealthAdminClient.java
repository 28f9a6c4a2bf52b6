package io.flexboard.projector.observability;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The one Kafka admin client of the projector's health checks ({@code kafka}, {@code projectionLag}),
 * created on the first check so a projector started before its broker does not wait for it.
 */
@Component
class HealthAdminClient implements DisposableBean {

    private final Map<String, Object> config;
    private volatile AdminClient admin;

    HealthAdminClient(KafkaAdmin kafkaAdmin) {
        this.config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        this.config.put(AdminClientConfig.CLIENT_ID_CONFIG, "projector-health");
    }

    AdminClient get() {
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
