package io.flexboard.agentbridge.openapi;

import io.flexboard.foundation.openapi.ApiConventions;
import io.swagger.v3.core.jackson.ModelResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** agent-bridge's OpenAPI document at {@code /v3/api-docs}: the agents' sync, API key. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    ApiConventions apiConventions() {
        return new ApiConventions("Flexboard agent-bridge",
                "The on-premise agents' one endpoint: POST /api/agent/sync, answered at once or held as a long-poll "
                        + "(wait_seconds) until the tenant publishes. Per-key rate limit (429).",
                "api-key", "One of the tenant's live API keys (fbk_…), shown once when it was issued; a revoked key answers 401");
    }

    /** Schemas named as the JSON names them (snake_case). */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return ApiConventions.snakeCaseModelResolver();
    }
}
