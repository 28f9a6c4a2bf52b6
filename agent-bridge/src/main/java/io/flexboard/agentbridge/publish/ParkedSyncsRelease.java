package io.flexboard.agentbridge.publish;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * At shutdown, answers every parked sync before the web server stops, instead of letting the agents'
 * connections be cut (which they would log as an error and back off from). Each waiting tenant's
 * answer is read once; agents on the published version get "nothing new" and re-poll at once, reaching
 * another replica behind the load balancer. Runs before the web server's graceful shutdown (a higher
 * phase stops first), so that shutdown does not wait up to a whole hold for parked requests.
 */
@Component
class ParkedSyncsRelease implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ParkedSyncsRelease.class);
    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(10);

    private final Waiters waiters;
    private final PublishedAnswers answers;
    private volatile boolean running;

    ParkedSyncsRelease(Waiters waiters, PublishedAnswers answers) {
        this.waiters = waiters;
        this.answers = answers;
    }

    @Override
    public void start() {
        // A context can be stopped and started again (e.g. paused by the test framework): park again.
        waiters.resume();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        waiters.drain();
        Set<UUID> tenants = waiters.tenants();
        if (tenants.isEmpty()) {
            return;
        }
        Integer released = Flux.fromIterable(tenants)
                .flatMap(answers::fromDatabase, 4)
                .map(waiters::release)
                .reduce(0, Integer::sum)
                .onErrorResume(failure -> {
                    log.warn("Could not read every waiting tenant's answer at shutdown; the rest are cut off", failure);
                    return Mono.just(-1);
                })
                .block(RELEASE_TIMEOUT);
        log.info("Shutting down: answered {} parked syncs of {} tenants so their agents poll another replica",
                released, tenants.size());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's graceful shutdown (DEFAULT_PHASE - 1024) and the database pool. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
