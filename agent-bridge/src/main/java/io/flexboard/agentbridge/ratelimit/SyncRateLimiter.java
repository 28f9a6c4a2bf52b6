package io.flexboard.agentbridge.ratelimit;

import io.flexboard.agentbridge.config.AgentBridgeSettings;
import io.flexboard.foundation.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * The rate limits of syncs, per replica (behind N replicas a caller gets up to N × each budget).
 *
 * <p>A fleet shares its tenant's API key, so a budget per key alone either refuses a large fleet's
 * ordinary long-polls or lets one runaway agent spend the whole fleet's budget. Hence two levels: a
 * generous budget per key, checked before the body is read (it bounds what a key can make this
 * replica parse), and a tight one per agent id of the key, checked once the body names the agent.
 * Syncs without an agent id (agents too old to send one) share one bucket per key, as all syncs did
 * before agents had ids.
 */
@Component
public class SyncRateLimiter {

    /**
     * Five times the agents a replica parks by default, at a few hundred bytes each (tens of MiB at
     * most, also when a hostile key invents agent ids at its key budget's pace). Eviction only ever lets
     * a caller through (see {@link TokenBuckets}). Keys are authenticated first: only real keys get buckets.
     */
    private static final long MAX_AGENT_BUCKETS = 100_000;
    private static final long MAX_KEY_BUCKETS = 200_000;

    private final TokenBuckets keys;
    private final TokenBuckets agents;
    private final TokenBuckets anonymous;
    private final Counter keyRefusals;
    private final Counter agentRefusals;

    public SyncRateLimiter(AgentBridgeSettings properties, MeterRegistry meters) {
        AgentBridgeSettings.RateLimit limit = properties.sync().rateLimit();
        this.keys = new TokenBuckets(limit.key(), MAX_KEY_BUCKETS);
        this.agents = new TokenBuckets(limit.agent(), MAX_AGENT_BUCKETS);
        this.anonymous = new TokenBuckets(limit.anonymous(), MAX_KEY_BUCKETS);
        this.keyRefusals = refusals(meters, "key");
        this.agentRefusals = refusals(meters, "agent");
    }

    /** Takes one token of the key's budget, or fails with 429 and the seconds until the key may come back. */
    public void acquireForKey(String keyHash) {
        OptionalLong retryAfter = keys.tryAcquire(keyHash);
        if (retryAfter.isPresent()) {
            keyRefusals.increment();
            throw ProblemException.rateLimited("Too many requests with this API key; retry in "
                    + retryAfter.getAsLong() + " s", retryAfter.getAsLong());
        }
    }

    /**
     * Takes one token of the agent's budget ({@code agentId} null: the key's shared bucket of agents
     * without id), or fails with 429 and the seconds until the agent may come back.
     */
    public void acquireForAgent(String keyHash, String agentId) {
        // The key hash is hex and the agent id cannot hold a space: the name is unambiguous.
        OptionalLong retryAfter = agentId == null ? anonymous.tryAcquire(keyHash) : agents.tryAcquire(keyHash + " " + agentId);
        if (retryAfter.isPresent()) {
            agentRefusals.increment();
            throw ProblemException.rateLimited((agentId == null ? "Too many syncs without agent_id with this API key"
                    : "Too many syncs from agent " + agentId) + "; retry in " + retryAfter.getAsLong() + " s",
                    retryAfter.getAsLong());
        }
    }

    static Counter refusals(MeterRegistry meters, String limit) {
        return Counter.builder("flexboard.agentbridge.rate.limited")
                .description("Syncs refused with 429, by the limit that refused them")
                .tag("limit", limit)
                .register(meters);
    }
}
