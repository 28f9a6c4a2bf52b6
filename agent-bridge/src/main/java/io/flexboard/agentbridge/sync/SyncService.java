package io.flexboard.agentbridge.sync;

import io.flexboard.agentbridge.apikey.ApiKeyCache;
import io.flexboard.agentbridge.config.AgentBridgeSettings;
import io.flexboard.agentbridge.publish.PublishFanOut;
import io.flexboard.agentbridge.publish.PublishedAnswer;
import io.flexboard.agentbridge.publish.PublishedAnswers;
import io.flexboard.agentbridge.publish.Waiters;
import io.flexboard.agentbridge.ratelimit.ParkingLimits;
import io.flexboard.agentbridge.ratelimit.SyncRateLimiter;
import io.flexboard.agentbridge.report.AnsweredSync;
import io.flexboard.agentbridge.report.SyncReports;
import io.flexboard.foundation.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Decides an agent's sync answer from the published-version projection, at once or after a long-poll hold.
 *
 * <p>Long-poll: an agent already on the published version is parked for min(wait_seconds, max-wait) plus
 * a little jitter, and answered as soon as its tenant publishes. The waiter is registered <em>before</em>
 * the published version is checked, so a publish between check and park cannot be missed. At hold end
 * the version is re-read from the database, which repairs a notification this replica never got.
 *
 * <p>A paused tenant's agents are refused (403 tenant-paused), at once or, when parked before the pause,
 * as soon as the pause is announced (else at hold end): they keep serving their last good configuration.
 *
 * <p>Limits: each agent id of a key has its own sync budget (checked here, where the body names the agent),
 * and a sync parks only while its key and this replica are below their ceilings of parked syncs; past
 * them it is answered at once if there is news, else refused with 429 and {@code Retry-After}.
 */
@Service
class SyncService {

    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    private final PublishedAnswers answers;
    private final ApiKeyCache apiKeys;
    private final Waiters waiters;
    private final PublishFanOut fanOut;
    private final SyncReports reports;
    private final SyncRateLimiter rateLimiter;
    private final ParkingLimits parking;
    private final Duration maxWait;
    private final Duration maxJitter;
    private final Counter missedPublishes;
    private final MeterRegistry meters;

    public SyncService(PublishedAnswers answers, ApiKeyCache apiKeys, Waiters waiters, PublishFanOut fanOut, SyncReports reports,
            SyncRateLimiter rateLimiter, ParkingLimits parking, AgentBridgeSettings properties, MeterRegistry meters) {
        this.answers = answers;
        this.apiKeys = apiKeys;
        this.waiters = waiters;
        this.fanOut = fanOut;
        this.reports = reports;
        this.rateLimiter = rateLimiter;
        this.parking = parking;
        this.maxWait = properties.sync().maxWait();
        this.maxJitter = properties.sync().maxJitter();
        this.meters = meters;
        this.missedPublishes = Counter.builder("flexboard.agentbridge.missed.publishes")
                .description("Holds that ended finding a publish (or pause) no notification had announced")
                .register(meters);
    }

    /** Answers the sync of an agent authenticated as {@code caller}. */
    public Mono<SyncAnswer> sync(SyncCaller caller, SyncRequest request) {
        SyncRequest.Valid sync = request.validated();
        if (!sync.tenantId().equals(caller.keyTenant())) {
            return Mono.error(ProblemException.forbidden("This API key belongs to another tenant than " + sync.tenantId()));
        }
        rateLimiter.acquireForAgent(caller.keyHash(), sync.agentId());
        Duration hold = sync.requestedWait().compareTo(maxWait) > 0 ? maxWait : sync.requestedWait();
        // A replica that is shutting down parks nothing: its agents should come back to another one.
        Mono<SyncAnswer> reply = hold.isZero() || waiters.draining() ? answerNow(caller, sync)
                : longPoll(caller, sync, hold.plus(jitter(hold)));
        return reply.doOnNext(answered -> answered(caller, sync, answered));
    }

    private Mono<SyncAnswer> answerNow(SyncCaller caller, SyncRequest.Valid sync) {
        return published(caller, sync).flatMap(answer -> reply(answer, sync, 0));
    }

    private Mono<SyncAnswer> longPoll(SyncCaller caller, SyncRequest.Valid sync, Duration hold) {
        return Mono.defer(() -> {
            Optional<ParkingLimits.Slot> slot = parking.tryPark(caller.keyHash());
            if (slot.isEmpty()) {
                return published(caller, sync).flatMap(answer -> answer.answersAtOnce(sync.currentVersion())
                        ? reply(answer, sync, 0) : Mono.error(parking.refusal()));
            }
            Waiters.Waiter waiter = waiters.register(sync.tenantId(), sync.currentVersion(), caller.keyHash(), caller.wakeOn());
            long parkedAt = System.nanoTime();
            // Registered before this check, so a revocation is either seen here or refuses the waiter.
            Mono<PublishedAnswer> current = apiKeys.isRevoked(caller.keyHash())
                    ? Mono.error(ProblemException.unauthorized("The API key was revoked")) : published(caller, sync);
            return current
                    .flatMap(answer -> {
                        if (answer.answersAtOnce(sync.currentVersion())) {
                            waiters.deregister(waiter);
                            return reply(answer, sync, 0);
                        }
                        return waiter.answer()
                                .timeout(hold, Mono.defer(() -> holdEnded(waiter, sync)))
                                .flatMap(woken -> reply(woken, sync, millisSince(parkedAt)));
                    })
                    // Answered, failed or the agent went away (cancel): the waiter must not outlive the request.
                    .doFinally(signal -> {
                        waiters.deregister(waiter);
                        slot.get().release();
                    });
        });
    }

    private Mono<PublishedAnswer> holdEnded(Waiters.Waiter waiter, SyncRequest.Valid sync) {
        waiters.deregister(waiter);
        return answers.fromDatabase(sync.tenantId()).doOnNext(answer -> {
            if (answer.answersAtOnce(sync.currentVersion())) {
                // Published (or paused) without this replica hearing of it: refresh the cache and wake the others too.
                log.debug("Hold end found {}:{} unannounced; repairing", sync.tenantId(), answer.version());
                missedPublishes.increment();
                fanOut.published(sync.tenantId());
            }
        });
    }

    private Mono<PublishedAnswer> published(SyncCaller caller, SyncRequest.Valid sync) {
        return caller.readsOwnWrites() ? answers.fromDatabase(sync.tenantId()) : answers.current(sync.tenantId());
    }

    private Duration jitter(Duration hold) {
        // Up to 10% of the hold, at most max-jitter: agents that all parked at once do not all return at once.
        long bound = Math.min(hold.toMillis() / 10, maxJitter.toMillis());
        return Duration.ofMillis(bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1));
    }

    /**
     * The answer, or the refusal of a paused tenant (its reason is the admin's note, not the customer's).
     * Refusals are counted per tenant: a paused tenant's agents still call, so they are not silent.
     */
    private Mono<SyncAnswer> reply(PublishedAnswer answer, SyncRequest.Valid sync, long heldMs) {
        if (answer.paused()) {
            meters.counter("flexboard.agentbridge.paused.syncs", "tenant_id", sync.tenantId().toString()).increment();
            return Mono.error(ProblemException.tenantPaused("tenant " + sync.tenantId() + " is paused"));
        }
        return Mono.just(new SyncAnswer(answer.jsonFor(sync.currentVersion()), answer.version(),
                answer.hasUpdatesFor(sync.currentVersion()), heldMs));
    }

    private void answered(SyncCaller caller, SyncRequest.Valid sync, SyncAnswer reply) {
        long durationMs = millisSince(caller.arrivalNanos());
        log.debug("Sync of {} at {}: latest {}, has_updates {}, {} ms ({} ms held)", sync.tenantId(), sync.currentVersion(),
                reply.latestVersion(), reply.hasUpdates(), durationMs, reply.heldMs());
        reports.answered(new AnsweredSync(sync.tenantId(), caller.keyHash(), sync.agentId(), sync.agentVersion(),
                sync.syncStatus(), sync.currentVersion(), sync.appliedVersion(), reply.latestVersion(), reply.hasUpdates(),
                sync.lastError(), durationMs, reply.heldMs(), sync.dataSources()));
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
