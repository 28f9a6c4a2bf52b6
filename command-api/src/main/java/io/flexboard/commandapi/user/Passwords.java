package io.flexboard.commandapi.user;

import java.nio.charset.StandardCharsets;

import io.flexboard.foundation.problem.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing with Spring Security's BCrypt (no extra library, unlike Argon2's Bouncy Castle), cost
 * {@code flexboard.users.bcrypt-strength} (10: ~0.1 s a check, docs/SECURITY.md). Sign-in of an unknown
 * email checks a dummy hash of the same cost, so both answers take the same work.
 */
@Component
public class Passwords {

    /** Shortest password accepted: length is what makes a password hard to guess. */
    public static final int MIN_LENGTH = 12;
    /** BCrypt reads only 72 bytes: a longer password would be silently cut, so it is refused. */
    public static final int MAX_BYTES = 72;

    private final BCryptPasswordEncoder encoder;
    private final String dummyHash;

    Passwords(@Value("${flexboard.users.bcrypt-strength:10}") int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
        this.dummyHash = encoder.encode("not a password anyone has: only here to spend the same time");
    }

    /** The hash of a checked password; 400 naming {@code field} when it is too short or too long. */
    public String hash(String password, String field) {
        if (password.length() < MIN_LENGTH) {
            throw ProblemException.malformed(field, field + " must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ProblemException.malformed(field, field + " must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
        return encoder.encode(password);
    }

    /** Whether {@code password} matches {@code hash}; a null hash (no password, SSO only) spends the same time and fails. */
    public boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            encoder.matches("x", dummyHash);
            return false;
        }
        boolean matches = encoder.matches(password, hash == null ? dummyHash : hash);
        return matches && hash != null;
    }
}
