package io.flexboard.projector.openapi;

import io.flexboard.foundation.openapi.ApiConventions;
import io.swagger.v3.core.jackson.ModelResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The projector's OpenAPI document at {@code /v3/api-docs}: the operators' projection rebuilds, admin token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    ApiConventions apiConventions() {
        return new ApiConventions("Flexboard projector",
                "The operators' rebuild of the read models from the events topic into a schema of their own, "
                        + "then switched over in one transaction (docs/operations.md).",
                "admin-token", "The admin token (the local stack keeps it in data/admin-token)");
    }

    /** Schemas named as the JSON names them (snake_case). */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return ApiConventions.snakeCaseModelResolver();
    }
}
