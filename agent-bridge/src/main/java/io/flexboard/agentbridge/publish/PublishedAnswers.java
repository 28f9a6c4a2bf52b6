package io.flexboard.agentbridge.publish;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flexboard.agentbridge.config.AgentBridgeSettings;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Each tenant's current {@link PublishedAnswer}, cached while the LISTEN connection is healthy so syncs
 * need no published_versions read at all.
 *
 * <p>The cache is trusted only while notifications flow: a publish invalidates its tenant's entry
 * ({@link PublishFanOut}), losing the connection empties and distrusts the whole cache (every sync then
 * reads the database), and re-connecting empties it once more before trusting it again. Entries also
 * expire after {@code flexboard.sync.answer-cache-ttl}, a safety net against a notification that never
 * came. Concurrent loads of one tenant are coalesced into one read, trusted or not: a fleet reconnecting
 * to a replica whose connection is not listening yet must not take one pool connection per agent. Values
 * read outside the loader are never put into the cache: a read that raced a publish could overwrite a
 * newer answer.
 */
@Component
public class PublishedAnswers {

    private final PublishedVersions publishedVersions;
    private final AsyncCache<UUID, PublishedAnswer> cache;
    private final ConcurrentHashMap<UUID, CompletableFuture<PublishedAnswer>> untrustedReads = new ConcurrentHashMap<>();
    private volatile boolean trusted;

    public PublishedAnswers(PublishedVersions publishedVersions, AgentBridgeSettings properties) {
        this.publishedVersions = publishedVersions;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.sync().answerCacheTtl())
                .maximumSize(100_000)
                .buildAsync();
    }

    /** The tenant's answer, from the cache while it is trusted, else from the database. */
    public Mono<PublishedAnswer> current(UUID tenantId) {
        if (!trusted) {
            return Mono.fromFuture(() -> sharedRead(tenantId), true);
        }
        return Mono.fromFuture(() -> cache.get(tenantId, (tenant, executor) -> fromDatabase(tenant).toFuture()), true);
    }

    /** The tenant's answer read from published_versions now, bypassing (and not filling) the cache. */
    public Mono<PublishedAnswer> fromDatabase(UUID tenantId) {
        return publishedVersions.of(tenantId)
                .map(PublishedAnswer::of)
                .defaultIfEmpty(PublishedAnswer.nothingPublished(tenantId));
    }

    /** Joins the read of the tenant already under way, or starts one that later callers can join. */
    private CompletableFuture<PublishedAnswer> sharedRead(UUID tenantId) {
        CompletableFuture<PublishedAnswer> mine = new CompletableFuture<>();
        CompletableFuture<PublishedAnswer> underWay = untrustedReads.putIfAbsent(tenantId, mine);
        if (underWay != null) {
            return underWay;
        }
        fromDatabase(tenantId).subscribe(answer -> {
            untrustedReads.remove(tenantId, mine);
            mine.complete(answer);
        }, failure -> {
            untrustedReads.remove(tenantId, mine);
            mine.completeExceptionally(failure);
        });
        return mine;
    }

    /** Drops the tenant's cached answer and loads it afresh (one read, shared with concurrent syncs). */
    public Mono<PublishedAnswer> reload(UUID tenantId) {
        forget(tenantId);
        return current(tenantId);
    }

    /** Drops the tenant's cached answer; the next sync loads it. */
    public void forget(UUID tenantId) {
        cache.synchronous().invalidate(tenantId);
    }

    /** Notifications flow again: start from an empty cache, then serve from it. */
    void trust() {
        cache.synchronous().invalidateAll();
        trusted = true;
    }

    /** Notifications may be missed from now on: every answer comes from the database until {@link #trust()}. */
    void distrust() {
        trusted = false;
        cache.synchronous().invalidateAll();
    }
}
