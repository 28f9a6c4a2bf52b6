package io.flexboard.agentbridge;

import io.flexboard.foundation.FoundationConfiguration;
import io.flexboard.foundation.consistency.ConsistencyConfiguration;
import io.flexboard.foundation.health.KafkaHealthIndicator;
import io.flexboard.foundation.health.R2dbcHealthIndicator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** agent-bridge: answers on-premise agents' sync requests from the published-version projection. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({FoundationConfiguration.class, ConsistencyConfiguration.class, R2dbcHealthIndicator.class, KafkaHealthIndicator.class})
public class AgentBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(AgentBridgeApplication.class, args);
    }
}
