package io.flexboard.agentbridge.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code flexboard.*} settings of agent-bridge (documented in docs/agent-bridge.md); the body limit
 * and consistency wait are the foundation's (docs/contracts.md).
 */
@ConfigurationProperties("flexboard")
public record FlexboardProperties(
        @DefaultValue("agent-bridge") String instanceId,
        @DefaultValue Sync sync,
        @DefaultValue ApiKeys apiKeys,
        @DefaultValue SyncReports syncReports) {

    /**
     * Long-polling: the longest hold ({@code wait_seconds} above it is capped), the most random jitter
     * added to a hold, the answer cache's safety-net lifetime, the LISTEN connection's re-connect
     * back-off and heartbeat, and the per-key rate limit.
     */
    public record Sync(
            @DefaultValue("55s") Duration maxWait,
            @DefaultValue("3s") Duration maxJitter,
            @DefaultValue("60s") Duration answerCacheTtl,
            @DefaultValue("200ms") Duration reconnectMinBackoff,
            @DefaultValue("10s") Duration reconnectMaxBackoff,
            @DefaultValue("10s") Duration heartbeat,
            @DefaultValue RateLimit rateLimit) {
    }

    /** Token bucket per API key: {@code capacity} syncs at once, refilled by {@code refill} per {@code refillPeriod}. */
    public record RateLimit(
            @DefaultValue("60") long capacity,
            @DefaultValue("60") long refill,
            @DefaultValue("1m") Duration refillPeriod) {
    }

    /** How long a known API key's tenant is remembered, and how long an unknown key is remembered as a miss. */
    public record ApiKeys(@DefaultValue("60s") Duration cacheTtl, @DefaultValue("2s") Duration missTtl) {
    }

    /** The flexboard.agent-syncs topic as this service declares it, and the send queue in front of Kafka. */
    public record SyncReports(
            @DefaultValue("7d") Duration retention,
            @DefaultValue("6") int partitions,
            @DefaultValue("10000") int queueCapacity) {
    }
}
