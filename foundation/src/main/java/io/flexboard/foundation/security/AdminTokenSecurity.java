package io.flexboard.foundation.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Authentication by the admin bearer token, for command-api, query-api and the projector. With
 * {@code flexboard.admin-token-required} (the default) a service without a token refuses to start; the
 * projector sets it false: it still projects, and its ops API refuses everyone.
 */
@Configuration(proxyBeanMethods = false)
public class AdminTokenSecurity {

    @Bean
    AdminTokenAuthenticationManager adminTokenAuthenticationManager(
            @Value("${flexboard.admin-token:}") String adminToken,
            @Value("${flexboard.admin-token-required:true}") boolean required) {
        // No default on purpose: a guessable built-in token would open every deployment that forgot it.
        if (required && adminToken.isBlank()) {
            throw new IllegalStateException(
                    "flexboard.admin-token is not set: set FLEXBOARD_ADMIN_TOKEN (the builder's bearer token)");
        }
        return new AdminTokenAuthenticationManager(adminToken.strip());
    }
}
