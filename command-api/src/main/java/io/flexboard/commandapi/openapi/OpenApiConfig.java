package io.flexboard.commandapi.openapi;

import io.flexboard.foundation.openapi.ApiConventions;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** command-api's OpenAPI document at {@code /v3/api-docs}: the builder's commands, admin token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    ApiConventions apiConventions() {
        return new ApiConventions("Flexboard command-api",
                "The builder's writes: every request is a command on the tenant's aggregate. A success answers "
                        + "ETag (the tenant's version after the command) and X-Consistency-Token (for read-your-writes "
                        + "on query-api and agent-bridge).",
                "admin-token", "The admin token (the local stack keeps it in data/admin-token)");
    }

    /**
     * Every command may find the event store unreachable (PostgreSQL down or restarting): 503
     * {@code store-unavailable} with {@code Retry-After}; not acknowledged, the command may be sent again.
     */
    @Bean
    OpenApiCustomizer storeUnavailableOnEveryCommand() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
                if (method != PathItem.HttpMethod.GET && operation.getResponses() != null) {
                    operation.getResponses().addApiResponse("503", new ApiResponse().$ref("#/components/responses/ServiceUnavailable"));
                }
            }));
        };
    }

    /** Schemas named as the JSON names them (snake_case). */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return ApiConventions.snakeCaseModelResolver();
    }
}
