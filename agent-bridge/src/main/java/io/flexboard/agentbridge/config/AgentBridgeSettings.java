package io.flexboard.agentbridge.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code flexboard.*} settings of agent-bridge (documented in docs/agent-bridge.md); the body limit
 * and consistency wait are the foundation's (docs/contracts.md).
 */
@ConfigurationProperties("flexboard")
public record AgentBridgeSettings(
        @DefaultValue("agent-bridge") String instanceId,
        @DefaultValue Sync sync,
        @DefaultValue ApiKeyCache apiKeys,
        @DefaultValue SyncReports syncReports) {

    /**
     * Long-polling: the longest hold ({@code wait_seconds} above it is capped), the most random jitter
     * added to a hold, the answer cache's safety-net lifetime, the LISTEN connection's re-connect
     * back-off and heartbeat, the rate limits and the ceilings of parked syncs.
     */
    public record Sync(
            @DefaultValue("55s") Duration maxWait,
            @DefaultValue("3s") Duration maxJitter,
            @DefaultValue("60s") Duration answerCacheTtl,
            @DefaultValue("200ms") Duration reconnectMinBackoff,
            @DefaultValue("10s") Duration reconnectMaxBackoff,
            @DefaultValue("10s") Duration heartbeat,
            @DefaultValue RateLimit rateLimit,
            @DefaultValue Parking parking) {
    }

    /**
     * Token buckets of this replica: {@code key} counts every request of an API key before its body is
     * read, {@code agent} the syncs of one {@code agent_id} of a key, {@code anonymous} the syncs without
     * an {@code agent_id}, which share one bucket per key (agents too old to send one).
     */
    public record RateLimit(
            @DefaultValue KeyBudget key,
            @DefaultValue AgentBudget agent,
            @DefaultValue AnonymousBudget anonymous) {
    }

    /** One token bucket: {@code capacity} requests at once, refilled greedily by {@code refill} per {@code refillPeriod}. */
    public interface Budget {

        long capacity();

        long refill();

        Duration refillPeriod();
    }

    /** Every request of one API key (a record per budget, because each has its own defaults). */
    public record KeyBudget(
            @DefaultValue("10000") long capacity,
            @DefaultValue("10000") long refill,
            @DefaultValue("1m") Duration refillPeriod) implements Budget {
    }

    /** The syncs of one agent id of one API key. */
    public record AgentBudget(
            @DefaultValue("10") long capacity,
            @DefaultValue("30") long refill,
            @DefaultValue("1m") Duration refillPeriod) implements Budget {
    }

    /** The syncs without an agent id of one API key, together. */
    public record AnonymousBudget(
            @DefaultValue("60") long capacity,
            @DefaultValue("60") long refill,
            @DefaultValue("1m") Duration refillPeriod) implements Budget {
    }

    /**
     * The most syncs parked at once on this replica by one API key and by all keys together, and the
     * {@code Retry-After} of a sync refused because a ceiling is reached (docs/agent-bridge.md sizes them).
     */
    public record Parking(
            @DefaultValue("3000") int maxPerKey,
            @DefaultValue("12000") int maxPerReplica,
            @DefaultValue("10s") Duration retryAfter) {
    }

    /** How long a known API key's tenant is remembered, and how long an unknown key is remembered as a miss. */
    public record ApiKeyCache(@DefaultValue("60s") Duration cacheTtl, @DefaultValue("2s") Duration missTtl) {
    }

    /**
     * The flexboard.agent-syncs topic as this service declares it, the send queue in front of Kafka, and how
     * often an agent's unchanged syncs leave as one heartbeat report (well below query-api's stale-after).
     */
    public record SyncReports(
            @DefaultValue("7d") Duration retention,
            @DefaultValue("6") int partitions,
            @DefaultValue("10000") int queueCapacity,
            @DefaultValue("30s") Duration heartbeat) {
    }
}
