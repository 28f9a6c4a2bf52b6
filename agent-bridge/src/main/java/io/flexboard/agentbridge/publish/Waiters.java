package io.flexboard.agentbridge.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.flexboard.foundation.problem.ProblemException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The parked (long-polling) syncs of this replica, by tenant. A parked sync holds no thread and no
 * database connection: only a {@link Waiter} here, completed by {@link #wake} or given up by its owner.
 */
@Component
public class Waiters {

    private final ConcurrentHashMap<UUID, Set<Waiter>> byTenant = new ConcurrentHashMap<>();
    private final AtomicInteger parked = new AtomicInteger();
    private volatile boolean draining;
    private final Counter wakeUps;

    public Waiters(MeterRegistry meters) {
        Gauge.builder("flexboard.agentbridge.waiters", parked, AtomicInteger::get)
                .description("Sync requests parked waiting for a publish")
                .register(meters);
        this.wakeUps = Counter.builder("flexboard.agentbridge.wakeups")
                .description("Parked sync requests answered by a publish before their hold ended")
                .register(meters);
    }

    /**
     * Parks a sync of an agent on {@code currentVersion}, authenticated by the key with {@code keyHash};
     * from now on a publish of another version wakes it, and a revocation of that key refuses it, both
     * completing it on {@code wakeOn}.
     */
    public Waiter register(UUID tenantId, long currentVersion, String keyHash, Executor wakeOn) {
        Waiter waiter = new Waiter(tenantId, currentVersion, keyHash, wakeOn);
        byTenant.compute(tenantId, (tenant, waiters) -> {
            Set<Waiter> set = waiters != null ? waiters : ConcurrentHashMap.newKeySet();
            set.add(waiter);
            return set;
        });
        parked.incrementAndGet();
        return waiter;
    }

    /** Takes the waiter out (answered, hold over or client gone); true only for the first call. */
    public boolean deregister(Waiter waiter) {
        boolean[] removed = {false};
        byTenant.computeIfPresent(waiter.tenantId, (tenant, waiters) -> {
            removed[0] = waiters.remove(waiter);
            return waiters.isEmpty() ? null : waiters;
        });
        if (removed[0]) {
            parked.decrementAndGet();
        }
        return removed[0];
    }

    /** Answers every waiter of the answer's tenant that is on another version; returns how many. */
    public int wake(PublishedAnswer answer) {
        // Counted before the answer leaves: whoever sees the answer also sees the count.
        return answer(answer, waiter -> answer.answersAtOnce(waiter.currentVersion), wakeUps::increment);
    }

    /**
     * Answers every waiter of the answer's tenant, whatever version it is on (those on the published
     * version get "nothing new"): this replica is going away and its agents should poll another one now
     * rather than find their connection reset. Returns how many.
     */
    public int release(PublishedAnswer answer) {
        return answer(answer, waiter -> true, () -> { });
    }

    private int answer(PublishedAnswer answer, Predicate<Waiter> concerned, Runnable beforeAnswering) {
        Set<Waiter> waiters = byTenant.get(answer.tenantId());
        if (waiters == null) {
            return 0;
        }
        int answered = 0;
        for (Waiter waiter : waiters) {
            if (concerned.test(waiter) && deregister(waiter)) {
                beforeAnswering.run();
                waiter.wakeOn.execute(() -> waiter.answer.tryEmitValue(answer));
                answered++;
            }
        }
        return answered;
    }

    /** Answers every waiter parked with the revoked key {@code keyHash} of the tenant 401; returns how many. */
    public int refuse(UUID tenantId, String keyHash) {
        Set<Waiter> waiters = byTenant.get(tenantId);
        if (waiters == null) {
            return 0;
        }
        int refused = 0;
        for (Waiter waiter : waiters) {
            if (waiter.keyHash.equals(keyHash) && deregister(waiter)) {
                waiter.wakeOn.execute(() -> waiter.answer.tryEmitError(ProblemException.unauthorized("The API key was revoked")));
                refused++;
            }
        }
        return refused;
    }

    /** The keys parked syncs were authenticated with, by hash, with their tenants (for a re-check after a lost LISTEN). */
    public Map<String, UUID> parkedKeys() {
        Map<String, UUID> keys = new HashMap<>();
        byTenant.forEach((tenant, waiters) -> waiters.forEach(waiter -> keys.put(waiter.keyHash, tenant)));
        return keys;
    }

    /** From now on no sync parks here: this replica is shutting down. */
    void drain() {
        draining = true;
    }

    /** Syncs park here again (the application context was stopped and is started again). */
    void resume() {
        draining = false;
    }

    /** Whether this replica is shutting down (syncs are answered at once, never parked). */
    public boolean draining() {
        return draining;
    }

    /** Whether any sync of the tenant is parked here. */
    public boolean hasWaiters(UUID tenantId) {
        return byTenant.containsKey(tenantId);
    }

    /** The tenants with parked syncs, for the repair after a lost notification connection. */
    public Set<UUID> tenants() {
        return Set.copyOf(byTenant.keySet());
    }

    /** How many syncs are parked. */
    public int count() {
        return parked.get();
    }

    /** One parked sync: completes with the answer that woke it. */
    public static final class Waiter {

        private final UUID tenantId;
        private final long currentVersion;
        private final String keyHash;
        private final Executor wakeOn;
        private final Sinks.One<PublishedAnswer> answer = Sinks.one();

        private Waiter(UUID tenantId, long currentVersion, String keyHash, Executor wakeOn) {
            this.tenantId = tenantId;
            this.currentVersion = currentVersion;
            this.keyHash = keyHash;
            this.wakeOn = wakeOn;
        }

        /** Completes when a publish wakes this waiter, fails 401 when its key is revoked; never completes empty. */
        public Mono<PublishedAnswer> answer() {
            return answer.asMono();
        }
    }
}
