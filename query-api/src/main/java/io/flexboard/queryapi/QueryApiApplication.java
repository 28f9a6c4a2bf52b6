package io.flexboard.queryapi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import io.flexboard.foundation.FoundationConfiguration;
import io.flexboard.foundation.consistency.ConsistencyConfiguration;
import io.flexboard.foundation.health.R2dbcHealthIndicator;
import io.flexboard.foundation.security.AdminTokenSecurity;

/** query-api: answers the builder UI's reads from the read models the projector maintains. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({FoundationConfiguration.class, AdminTokenSecurity.class, ConsistencyConfiguration.class, R2dbcHealthIndicator.class})
public class QueryApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryApiApplication.class, args);
    }
}
