package io.flexboard.foundation.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** The credentials a request presented as {@code Authorization: Bearer <token>}, not yet checked. */
public final class BearerToken extends AbstractAuthenticationToken {

    private final String token;

    public BearerToken(String token) {
        super(List.of());
        this.token = token;
    }

    public String token() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        // Never the token itself: the principal may be logged.
        return "bearer";
    }
}
