package io.flexboard.projector;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

/** Adds the test-only {@link ProjectionFailureHook} to the projector's read models. */
@TestConfiguration(proxyBeanMethods = false)
class FailureHookConfig {

    @Bean
    ProjectionFailureHook projectionFailureHook(DatabaseClient database) {
        return new ProjectionFailureHook(database);
    }
}
