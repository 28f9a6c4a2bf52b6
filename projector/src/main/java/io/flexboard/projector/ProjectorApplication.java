package io.flexboard.projector;

import io.flexboard.foundation.FoundationConfiguration;
import io.flexboard.foundation.health.KafkaHealthIndicator;
import io.flexboard.foundation.health.R2dbcHealthIndicator;
import io.flexboard.foundation.security.AdminTokenSecurity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Consumes the events topic and keeps the read models in PostgreSQL up to date. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({FoundationConfiguration.class, AdminTokenSecurity.class, R2dbcHealthIndicator.class, KafkaHealthIndicator.class})
public class ProjectorApplication {

    public static void main(String[] args) {
        // Avro's class trust is registered by the schemas module's EventCodec itself.
        SpringApplication.run(ProjectorApplication.class, args);
    }
}
