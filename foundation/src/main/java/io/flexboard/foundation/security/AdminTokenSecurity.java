package io.flexboard.foundation.security;

import io.flexboard.foundation.identity.AccessTokenKeys;
import io.flexboard.foundation.identity.AccessTokens;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Authentication of people, for command-api, query-api and the projector: the control plane's access tokens
 * (docs/SECURITY.md) and the break-glass admin token. With {@code flexboard.admin-token-required} (the default)
 * a service without an admin token refuses to start; the projector sets it false: it still projects, and its
 * ops API refuses everyone but signed-in users.
 *
 * <p>The access token key comes from {@code flexboard.jwt.key} (PKCS#8 PEM, e.g. a Kubernetes Secret) or
 * {@code flexboard.jwt.key-file} (generated there when {@code flexboard.jwt.generate-key} is set: the local
 * stack's data directory). Without either, the service accepts only the admin token.
 */
@Configuration(proxyBeanMethods = false)
public class AdminTokenSecurity {


    @Bean
    AccessTokens accessTokens(@Value("${flexboard.jwt.key:}") String pem,
                              @Value("${flexboard.jwt.key-file:}") String keyFile,
                              @Value("${flexboard.jwt.generate-key:false}") boolean generate,
                              @Value("${flexboard.jwt.issuer:flexboard}") String issuer) {
        AccessTokenKeys keys = null;
        if (!pem.isBlank()) {
            keys = AccessTokenKeys.fromPem(pem);
        } else if (!keyFile.isBlank()) {
            keys = AccessTokenKeys.fromFile(Path.of(keyFile), generate);
        }
        return new AccessTokens(keys, issuer, Clock.systemUTC());
    }

    @Bean
    CallerAuthenticationManager callerAuthenticationManager(AccessTokens accessTokens,
                                                            @Value("${flexboard.admin-token:}") String adminToken,
                                                            @Value("${flexboard.admin-token-required:true}") boolean required) {
        // No default on purpose: a guessable built-in token would open every deployment that forgot it.
        if (required && adminToken.isBlank()) {
            throw new IllegalStateException(
                    "flexboard.admin-token is not set: set FLEXBOARD_ADMIN_TOKEN (the builder's bearer token)");
        }
        return new CallerAuthenticationManager(accessTokens, new AdminTokenAuthenticationManager(adminToken.strip()));
    }
}
