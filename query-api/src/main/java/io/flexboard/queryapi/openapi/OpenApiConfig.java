package io.flexboard.queryapi.openapi;

import io.flexboard.foundation.openapi.ApiConventions;
import io.swagger.v3.core.jackson.ModelResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** query-api's OpenAPI document at {@code /v3/api-docs}: the builder's and analysts' reads, admin token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    ApiConventions apiConventions() {
        return new ApiConventions("Flexboard query-api",
                "The builder's reads (paginated: ?limit=&cursor=, Link rel=next), the tenants' sync status, the ops lag "
                        + "monitor and the analysts' audit trail, state at a moment and diffs.",
                "admin-token", "The admin token (the local stack keeps it in data/admin-token)");
    }

    /** Schemas named as the JSON names them (snake_case). */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return ApiConventions.snakeCaseModelResolver();
    }
}
