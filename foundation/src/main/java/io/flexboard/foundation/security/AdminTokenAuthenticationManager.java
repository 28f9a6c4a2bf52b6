package io.flexboard.foundation.security;

import io.flexboard.foundation.identity.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * The break-glass admin bearer token ({@code flexboard.admin-token}): a super-admin for bootstrap and
 * emergencies, audited as its own actor {@value #ADMIN_ACTOR} (never as a user). Without a configured token
 * it refuses everyone: no guessable default opens a service.
 */
public final class AdminTokenAuthenticationManager implements ReactiveAuthenticationManager {

    /** The actor an admin token stands for. */
    public static final String ADMIN_ACTOR = Caller.ADMIN_ACTOR;

    private final byte[] adminToken;

    public AdminTokenAuthenticationManager(String adminToken) {
        this.adminToken = adminToken == null ? new byte[0] : adminToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerToken bearer)) {
            return Mono.empty();
        }
        if (adminToken.length == 0) {
            return Mono.error(new BadCredentialsException(
                    "This service has no flexboard.admin-token (FLEXBOARD_ADMIN_TOKEN): its API is closed"));
        }
        // Constant-time comparison: the time taken says nothing about how much of the token matched.
        if (!MessageDigest.isEqual(bearer.token().getBytes(StandardCharsets.UTF_8), adminToken)) {
            return Mono.error(new BadCredentialsException("The bearer token is not valid"));
        }
        return Mono.just(Caller.admin());
    }
}
