package io.flexboard.agentbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** agent-bridge: answers on-premise agents' sync requests from the published-version projection. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AgentBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(AgentBridgeApplication.class, args);
    }
}
