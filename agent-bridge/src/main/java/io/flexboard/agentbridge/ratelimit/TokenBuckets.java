package io.flexboard.agentbridge.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flexboard.agentbridge.config.AgentBridgeSettings;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Token buckets of one budget by name, in this replica's memory. The map is bounded: a bucket untouched
 * for as long as a full refill takes is full again, so forgetting it changes nothing; one evicted early
 * (more names than the bound) starts full, which only ever lets a caller through, never refuses one.
 */
final class TokenBuckets {

    private final AgentBridgeSettings.Budget budget;
    private final Cache<String, Bucket> buckets;

    TokenBuckets(AgentBridgeSettings.Budget budget, long maximumSize) {
        this.budget = budget;
        Duration untilFull = budget.refillPeriod().multipliedBy(Math.max(1, budget.capacity()))
                .dividedBy(Math.max(1, budget.refill()));
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(untilFull.plusSeconds(1))
                .maximumSize(maximumSize)
                .build();
    }

    /** Takes one token of the named bucket: empty when granted, else the whole seconds until a token is back (≥ 1). */
    OptionalLong tryAcquire(String name) {
        ConsumptionProbe probe = buckets.get(name, ignored -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long nanos = probe.getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(budget.capacity()).refillGreedy(budget.refill(), budget.refillPeriod()))
                .build();
    }
}
