package io.flexboard.foundation.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The one Kafka admin client of a service's health checks, named {@code <application name>-health} and
 * created on the first check, so a service started before its broker does not wait for it.
 */
@Component
public class HealthAdminClient implements DisposableBean {

    private final Map<String, Object> config;
    private volatile AdminClient admin;

    public HealthAdminClient(KafkaAdmin kafkaAdmin, @Value("${spring.application.name:flexboard}") String applicationName) {
        this.config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        this.config.put(AdminClientConfig.CLIENT_ID_CONFIG, applicationName + "-health");
    }

    public AdminClient get() {
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
