package io.flexboard.commandapi.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refresh tokens in {@code eventstore.refresh_tokens}: 256-bit random, stored only as SHA-256 (like API keys:
 * random enough that a fast hash is safe), single use. Presenting a used one again means it was copied:
 * every refresh token of that user is then revoked, so the thief's and the user's sessions both end.
 */
@Component
class RefreshTokens {

    static final String PREFIX = "fbr_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    RefreshTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new refresh token for the user, valid for {@code lifetime}. */
    String issue(String userId, Duration lifetime) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update("insert into refresh_tokens (token_hash, user_id, expires_at) values (?, ?, ?)",
                hash(token), userId, Timestamp.from(Instant.now().plus(lifetime)));
        return token;
    }

    /** The user the token was issued to, using it up; empty when unknown, expired or already used. */
    @Transactional
    Optional<String> redeem(String token) {
        String hash = hash(token);
        List<String> redeemed = jdbc.queryForList("""
                update refresh_tokens set used_at = now()
                 where token_hash = ? and used_at is null and expires_at > now() returning user_id""", String.class, hash);
        if (!redeemed.isEmpty()) {
            return Optional.of(redeemed.get(0));
        }
        List<String> reused = jdbc.queryForList("select user_id from refresh_tokens where token_hash = ? and used_at is not null",
                String.class, hash);
        reused.forEach(this::revokeAll);
        return Optional.empty();
    }

    void revokeAll(String userId) {
        jdbc.update("update refresh_tokens set used_at = coalesce(used_at, now()), expires_at = least(expires_at, now()) "
                + "where user_id = ?", userId);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
