package io.flexboard.foundation.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RSA key that signs access tokens (RS256), as PKCS#8 PEM: generated into the data directory on the
 * first local start, a mounted Secret in Kubernetes (the roadmap's {@code JWT_SECRET}). Its public half is
 * published as a JWK set; its key id is the RFC 7638 thumbprint, so the same key has the same id everywhere.
 */
public final class AccessTokenKeys {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;

    private AccessTokenKeys(RSAPrivateCrtKey privateKey) {
        try {
            this.privateKey = privateKey;
            this.publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            this.keyId = thumbprint(publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The access token key is not a usable RSA key", e);
        }
    }

    /** The key from PKCS#8 PEM text ({@code -----BEGIN PRIVATE KEY-----}). */
    public static AccessTokenKeys fromPem(String pem) {
        String body = pem.replace(BEGIN, "").replace(END, "").replaceAll("\\s", "");
        try {
            var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            if (!(key instanceof RSAPrivateCrtKey crt) || crt.getModulus().bitLength() < 2048) {
                throw new IllegalStateException("The access token key must be an RSA private key of at least 2048 bits");
            }
            return new AccessTokenKeys(crt);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The access token key is not PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)", e);
        }
    }

    /**
     * The key in {@code file}; when the file does not exist and {@code generate} is set, a new 2048-bit key is
     * written there first (readable by the owner only). Two processes starting together keep one key: the file
     * appears whole or not at all, and the one that loses the race reads the winner's.
     */
    public static AccessTokenKeys fromFile(Path file, boolean generate) {
        try {
            if (!Files.exists(file)) {
                if (!generate) {
                    throw new IllegalStateException("The access token key file " + file + " does not exist");
                }
                write(file, generatedPem());
            }
            return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the access token key " + file, e);
        }
    }

    private static void write(Path file, String pem) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".jwt-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions protect it.
            }
            Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException anotherProcessWasFaster) {
            // Its key is whole (a link appears atomically): use it.
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static String generatedPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] encoded = generator.generateKeyPair().getPrivate().getEncoded();
            return BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(encoded)
                    + "\n" + END + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    RSAPublicKey publicKey() {
        return publicKey;
    }

    /** The key id ({@code kid}) tokens name. */
    public String keyId() {
        return keyId;
    }

    /** The public key as a JWK set ({@code GET /.well-known/jwks.json}). */
    public Map<String, Object> jwkSet() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", keyId);
        jwk.put("n", unsigned(publicKey.getModulus()));
        jwk.put("e", unsigned(publicKey.getPublicExponent()));
        return Map.of("keys", List.of(jwk));
    }

    private static String thumbprint(RSAPublicKey key) throws GeneralSecurityException {
        String canonical = "{\"e\":\"" + unsigned(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + unsigned(key.getModulus()) + "\"}";
        return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A JWK integer: big-endian, without the sign byte Java adds. */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return BASE64URL.encodeToString(bytes);
    }
}
