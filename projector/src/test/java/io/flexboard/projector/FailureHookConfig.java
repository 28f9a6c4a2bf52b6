package io.flexboard.projector;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Adds the test-only {@link ProjectionFailureHook} to the projector's read models. */
@TestConfiguration(proxyBeanMethods = false)
class FailureHookConfig {

    @Bean
    ProjectionFailureHook projectionFailureHook() {
        return new ProjectionFailureHook();
    }
}
