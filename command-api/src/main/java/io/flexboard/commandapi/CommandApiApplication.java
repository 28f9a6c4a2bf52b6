package io.flexboard.commandapi;

import io.flexboard.foundation.FoundationConfiguration;
import io.flexboard.foundation.health.KafkaHealthIndicator;
import io.flexboard.foundation.security.AdminTokenSecurity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The builder's write side: HTTP commands, Axon aggregates, the event store and the Kafka relay. */
@SpringBootApplication
@Import({FoundationConfiguration.class, AdminTokenSecurity.class, KafkaHealthIndicator.class})
public class CommandApiApplication {

    static {
        // Axon would otherwise call an outside host at start-up and print a banner.
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        System.setProperty("disable-axoniq-console-message", System.getProperty("disable-axoniq-console-message", "true"));
    }

    public static void main(String[] args) {
        SpringApplication.run(CommandApiApplication.class, args);
    }
}
