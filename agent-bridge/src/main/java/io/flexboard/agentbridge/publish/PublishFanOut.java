package io.flexboard.agentbridge.publish;

import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Schedulers;

/**
 * Turns "tenant X published" into answers for its parked syncs: the answer is loaded once and every
 * waiter gets the same pre-serialized bytes (no per-waiter query or serialization).
 */
@Component
public class PublishFanOut {

    private static final Logger log = LoggerFactory.getLogger(PublishFanOut.class);

    private final PublishedAnswers answers;
    private final PublishedVersions publishedVersions;
    private final Waiters waiters;

    public PublishFanOut(PublishedAnswers answers, PublishedVersions publishedVersions, Waiters waiters) {
        this.answers = answers;
        this.publishedVersions = publishedVersions;
        this.waiters = waiters;
    }

    /** The tenant published (or may have): refresh its cached answer and wake its waiters with it. */
    public void published(UUID tenantId) {
        if (!waiters.hasWaiters(tenantId)) {
            answers.forget(tenantId); // nobody to wake here: the next sync loads it
            return;
        }
        answers.reload(tenantId)
                // Off the database connection's event loop: waking thousands of waiters takes a while.
                .publishOn(Schedulers.parallel())
                .subscribe(answer -> log.debug("Published {}:{} woke {} parked syncs", tenantId, answer.version(), waiters.wake(answer)),
                        failure -> log.warn("Could not load the published version of {}; its parked syncs re-read it at hold end",
                                tenantId, failure));
    }

    /**
     * After notifications may have been missed: one read for every tenant with parked syncs, waking those
     * whose version moved meanwhile. The answers are not cached (the read may race a newer publish).
     */
    public void repair(Set<UUID> tenantIds) {
        if (tenantIds.isEmpty()) {
            return;
        }
        publishedVersions.ofAll(tenantIds)
                .map(PublishedAnswer::of)
                .publishOn(Schedulers.parallel())
                .map(waiters::wake)
                .reduce(0, Integer::sum)
                .subscribe(woken -> log.info("Re-checked {} tenants with parked syncs after (re)connecting: {} syncs woken",
                                tenantIds.size(), woken),
                        failure -> log.warn("Could not re-check tenants with parked syncs; they re-read at hold end", failure));
    }
}
