package io.flexboard.foundation.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import reactor.core.publisher.Mono;

/**
 * The builder's and operators' one admin bearer token ({@code flexboard.admin-token}), until roles and
 * SSO arrive. It authenticates as the actor {@value #ADMIN_ACTOR}, whom command-api writes into the events.
 * Without a configured token it refuses everyone: no guessable default opens a service.
 */
public final class AdminTokenAuthenticationManager implements ReactiveAuthenticationManager {

    /** The actor an admin token stands for. */
    public static final String ADMIN_ACTOR = "admin";

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
        return Mono.just(UsernamePasswordAuthenticationToken.authenticated(ADMIN_ACTOR, null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    }
}
