package io.flexboard.agentbridge.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Finds the tenant of a presented API key through {@code readmodel.api_keys} (hashes only, never keys). */
@Component
public class ApiKeys {

    private final DatabaseClient db;

    public ApiKeys(DatabaseClient db) {
        this.db = db;
    }

    /** The key's tenant, or empty for an unknown key; one read on the unique key_hash index. */
    public Mono<UUID> tenantOf(String presentedKey) {
        return db.sql("select tenant_id from api_keys where key_hash = $1")
                .bind(0, hash(presentedKey))
                .map(row -> row.get(0, UUID.class))
                .one();
    }

    /** Lower-case hex SHA-256 of the whole key string, as command-api stores it. */
    static String hash(String presentedKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(presentedKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
