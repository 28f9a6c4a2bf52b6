package io.flexboard.commandapi.auth.sso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sign-ins started at an identity provider, in {@code eventstore.sso_logins} so the callback may reach any
 * replica. Each is found by its state, once: finishing deletes it, so a replayed callback is refused.
 */
@Component
class SsoLogins {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a started sign-in must find again when the provider sends the person back. */
    record PendingLogin(String providerId, String browserHash, String nonce, String codeVerifier, String requestId,
                        String redirectUri) {
    }

    private final JdbcTemplate jdbc;

    SsoLogins(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** 256 random bits, URL-safe: states, nonces, browser cookies. */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Hex SHA-256: what is stored of a state or a browser cookie, and compared. */
    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void start(String state, PendingLogin login, Duration timeout) {
        // Abandoned sign-ins go here, a few at a time, instead of in a scheduled sweep.
        jdbc.update("delete from sso_logins where state_hash in (select state_hash from sso_logins where expires_at < now() limit 100)");
        jdbc.update("""
                insert into sso_logins (state_hash, provider_id, browser_hash, nonce, code_verifier, request_id, redirect_uri, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", hash(state), login.providerId(), login.browserHash(), login.nonce(),
                login.codeVerifier(), login.requestId(), login.redirectUri(), Timestamp.from(Instant.now().plus(timeout)));
    }

    /** The sign-in this state started, using it up; empty when unknown, already finished or expired. */
    Optional<PendingLogin> finish(String state) {
        return jdbc.query("""
                delete from sso_logins where state_hash = ?
                returning provider_id, browser_hash, nonce, code_verifier, request_id, redirect_uri, expires_at > now() as valid""",
                (row, index) -> row.getBoolean("valid") ? new PendingLogin(row.getString("provider_id"), row.getString("browser_hash"),
                        row.getString("nonce"), row.getString("code_verifier"), row.getString("request_id"), row.getString("redirect_uri"))
                        : null, hash(state)).stream().filter(java.util.Objects::nonNull).findFirst();
    }
}
