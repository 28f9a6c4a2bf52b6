package io.flexboard.foundation.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues and verifies the control plane's access tokens: compact JWS, RS256 only, with the user's id
 * ({@code sub}), email, name, role and tenants. Every service verifies them with this one class (through the
 * foundation's authentication manager), so a token means the same everywhere.
 *
 * <p>The JDK's {@code SHA256withRSA} does the cryptography; the format is a few lines of base64url and JSON.
 * (Nimbus JOSE is not in this build's offline repository; the surface here is small enough to keep exact.)
 * Verification refuses any other {@code alg} (no {@code none}, no HMAC with the public key), another
 * {@code kid}, another issuer, an expired token and a claim of the wrong type.
 */
public final class AccessTokens {

    /** Longest token accepted: ours are well under 2 KB even with many tenants; more is an attack or junk. */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;
    /** Clock skew tolerated between replicas. */
    private static final Duration LEEWAY = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private final AccessTokenKeys keys;
    private final String issuer;
    private final Clock clock;

    /** {@code keys} null: the service accepts no access tokens (only the admin token), and issues none. */
    public AccessTokens(AccessTokenKeys keys, String issuer, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** True when a key is configured: tokens can be verified (and, in command-api, issued). */
    public boolean enabled() {
        return keys != null;
    }

    /** The public key as a JWK set; empty when no key is configured. */
    public Map<String, Object> jwkSet() {
        return keys == null ? Map.of("keys", java.util.List.of()) : keys.jwkSet();
    }

    /** A signed token for the caller, valid for {@code lifetime}. */
    public String issue(Caller caller, Duration lifetime) {
        if (keys == null) {
            throw new IllegalStateException("No access token key: set flexboard.jwt.key or flexboard.jwt.key-file");
        }
        Instant now = clock.instant();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", keys.keyId());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", caller.id());
        claims.put("email", caller.email());
        claims.put("name", caller.displayName());
        claims.put("role", caller.role().wireName());
        claims.put("tenant_ids", caller.sortedTenantIds());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput = part(header) + "." + part(claims);
        return signingInput + "." + BASE64URL.encodeToString(sign(signingInput));
    }

    /** The caller a token stands for; {@link InvalidAccessTokenException} (saying why) when it is not valid. */
    public Caller verify(String token) {
        if (keys == null) {
            throw new InvalidAccessTokenException("This service accepts no access tokens (it has no flexboard.jwt key)");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidAccessTokenException("The access token is too long");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidAccessTokenException("The bearer token is not valid");
        }
        JsonNode header = json(parts[0]);
        if (!"RS256".equals(text(header, "alg")) || !keys.keyId().equals(text(header, "kid"))) {
            throw new InvalidAccessTokenException("The access token is not signed by this control plane's key");
        }
        if (!verifies(parts[0] + "." + parts[1], decode(parts[2]))) {
            throw new InvalidAccessTokenException("The access token's signature is not valid");
        }
        JsonNode claims = json(parts[1]);
        if (!issuer.equals(text(claims, "iss"))) {
            throw new InvalidAccessTokenException("The access token was issued by someone else");
        }
        JsonNode expires = claims.get("exp");
        if (expires == null || !expires.isIntegralNumber()
                || clock.instant().minus(LEEWAY).isAfter(Instant.ofEpochSecond(expires.asLong()))) {
            throw new InvalidAccessTokenException("The access token has expired: sign in again or refresh it");
        }
        Role role = Role.named(text(claims, "role"))
                .orElseThrow(() -> new InvalidAccessTokenException("The access token names no known role"));
        String subject = text(claims, "sub");
        String email = text(claims, "email");
        JsonNode tenants = claims.get("tenant_ids");
        if (subject == null || email == null || tenants == null || !tenants.isArray()) {
            throw new InvalidAccessTokenException("The access token lacks its subject, email or tenants");
        }
        Set<String> tenantIds = new LinkedHashSet<>();
        for (JsonNode tenant : tenants) {
            if (!tenant.isString()) {
                throw new InvalidAccessTokenException("The access token's tenant_ids are not strings");
            }
            tenantIds.add(tenant.asString());
        }
        String name = text(claims, "name");
        return Caller.user(subject, email, name == null ? email : name, role, tenantIds);
    }

    /** True when the token has the shape of a JWS (three dot-separated parts), so the admin token is never one. */
    public static boolean looksLikeAccessToken(String token) {
        int first = token.indexOf('.');
        return first > 0 && token.indexOf('.', first + 1) > first + 1 && token.chars().filter(c -> c == '.').count() == 2;
    }

    private byte[] sign(String signingInput) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
    }

    private boolean verifies(String signingInput, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(keys.publicKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String part(Map<String, Object> json) {
        return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
    }

    private static byte[] decode(String part) {
        try {
            return BASE64URL_DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            throw new InvalidAccessTokenException("The bearer token is not valid");
        }
    }

    private static JsonNode json(String part) {
        try {
            JsonNode node = JSON.readTree(decode(part));
            if (node == null || !node.isObject()) {
                throw new InvalidAccessTokenException("The bearer token is not valid");
            }
            return node;
        } catch (JacksonException e) {
            throw new InvalidAccessTokenException("The bearer token is not valid");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
