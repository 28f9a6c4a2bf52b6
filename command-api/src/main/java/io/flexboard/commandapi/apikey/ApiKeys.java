package io.flexboard.commandapi.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import io.flexboard.commandapi.api.IssuedApiKey;

/**
 * Makes agent API keys: 256 random bits, shown once. Only the SHA-256 of the key is kept; with that
 * much entropy a fast hash cannot be brute-forced, and agent-bridge can find a key by its hash with
 * one indexed read.
 */
public final class ApiKeys {

    /** Marks Flexboard keys, so secret scanners and humans recognise them. */
    static final String PREFIX = "fbk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** A new key: the plain text for the one response that shows it, and what may be stored. */
    public record NewKey(String plainText, IssuedApiKey issued) {
        @Override
        public String toString() {
            return "NewKey[" + issued + "]"; // never log the plain key
        }
    }

    public static NewKey generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewKey(key, new IssuedApiKey(UUID.randomUUID().toString(), hash(key), key.substring(0, 10)));
    }

    /** Lower-case hex SHA-256 of the whole key, as agent-bridge computes it. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
