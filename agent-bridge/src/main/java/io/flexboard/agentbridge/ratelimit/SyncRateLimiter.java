package io.flexboard.agentbridge.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.flexboard.agentbridge.config.FlexboardProperties;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * A token bucket per API key (by its hash), in this replica's memory: {@code capacity} syncs at once,
 * refilled greedily at {@code refill} per {@code refill-period}. Behind a load balancer each replica
 * counts on its own, so a key gets up to replicas × the limit; good enough to stop a runaway agent.
 */
@Component
public class SyncRateLimiter {

    private final FlexboardProperties.RateLimit limit;
    private final Cache<String, Bucket> buckets;

    public SyncRateLimiter(FlexboardProperties properties) {
        this.limit = properties.sync().rateLimit();
        // A bucket untouched for as long as a full refill takes is full again: forgetting it changes nothing.
        Duration untilFull = limit.refillPeriod().multipliedBy(Math.max(1, limit.capacity())).dividedBy(Math.max(1, limit.refill()));
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(untilFull.plusSeconds(1))
                .maximumSize(200_000)
                .build();
    }

    /** Takes one token of the key's bucket: empty when granted, else the whole seconds until a token is back (≥ 1). */
    public OptionalLong tryAcquire(String keyHash) {
        ConsumptionProbe probe = buckets.get(keyHash, hash -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long nanos = probe.getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.refill(), limit.refillPeriod()))
                .build();
    }
}
