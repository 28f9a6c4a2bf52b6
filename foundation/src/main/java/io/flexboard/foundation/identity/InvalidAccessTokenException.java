package io.flexboard.foundation.identity;

import org.springframework.security.authentication.BadCredentialsException;

/** An access token that is not valid; the message says why, never echoing the token. */
public final class InvalidAccessTokenException extends BadCredentialsException {

    public InvalidAccessTokenException(String message) {
        super(message);
    }
}
