package io.flexboard.projector.quarantine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flexboard.projector.projection.BatchProjection;
import io.flexboard.schemas.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Projects a poll batch so that one bad event never stops everyone: the batch is applied in one
 * transaction as before; when that fails for a reason an event causes ({@link Failures}), each
 * tenant's events are tried in a transaction of their own, and within a tenant that still fails,
 * each event, until the failing one is found. It is quarantined to its tenant (in its own
 * transaction, with the tenant's later events of the batch held behind it), every other tenant's
 * events are applied, and the container commits the offsets. A transient failure propagates: the
 * container retries the whole batch as before (tenants already applied are duplicates then).
 *
 * <p>A failure of every tenant of a batch is not the events' fault (a broken migration, a bug in a
 * statement every tenant runs): it propagates too, instead of quarantining every tenant in turn.
 */
@Service
public class QuarantiningProjection {

    private static final Logger log = LoggerFactory.getLogger(QuarantiningProjection.class);

    private final BatchProjection projection;
    private final QuarantineStore store;
    private final TransactionalOperator transaction;
    private final QuarantineGauge gauge;

    QuarantiningProjection(BatchProjection projection, QuarantineStore store, TransactionalOperator transaction,
                           QuarantineGauge gauge) {
        this.projection = projection;
        this.store = store;
        this.transaction = transaction;
        this.gauge = gauge;
    }

    /** Projects the batch, blocking: the caller is the Kafka consumer thread, which commits the offsets afterwards. */
    public Outcome project(List<PolledEvent> batch) {
        if (batch.stream().allMatch(PolledEvent::decoded)) {
            try {
                return transaction.transactional(heldOrApplied(batch)).block();
            } catch (RuntimeException failure) {
                if (Failures.isTransient(failure)) {
                    throw failure;
                }
                log.warn("Batch of {} records failed ({}); isolating the failing tenant", batch.size(), Failures.describe(failure));
            }
        }
        Outcome outcome = isolate(batch);
        gauge.refresh();
        return outcome;
    }

    /** Holds the records of quarantined tenants and applies everyone else's, in the caller's transaction. */
    private Mono<Outcome> heldOrApplied(List<PolledEvent> records) {
        Set<UUID> tenants = new LinkedHashSet<>();
        records.forEach(record -> tenants.add(record.tenantId()));
        return store.lockQuarantined(tenants).flatMap(quarantined -> {
            List<PolledEvent> held = records.stream().filter(record -> quarantined.contains(record.tenantId())).toList();
            List<PolledEvent> flowing = records.stream().filter(record -> !quarantined.contains(record.tenantId())).toList();
            PolledEvent undecodable = flowing.stream().filter(record -> !record.decoded()).findFirst().orElse(null);
            if (undecodable != null) {
                return Mono.error(new EventFailure("undecodable record at " + undecodable.where() + ": "
                        + undecodable.undecodable()));
            }
            List<EventEnvelope> events = flowing.stream().map(PolledEvent::event).toList();
            return store.hold(held)
                    .then(projection.apply(events))
                    .map(result -> new Outcome(result.applied(), result.duplicates(), held.size(), 0, tenants));
        });
    }

    private Outcome isolate(List<PolledEvent> batch) {
        Map<UUID, List<PolledEvent>> byTenant = new LinkedHashMap<>();
        batch.forEach(record -> byTenant.computeIfAbsent(record.tenantId(), tenant -> new ArrayList<>()).add(record));
        Outcome outcome = Outcome.NONE;
        Map<UUID, RuntimeException> failed = new LinkedHashMap<>();
        for (Map.Entry<UUID, List<PolledEvent>> tenant : byTenant.entrySet()) {
            try {
                outcome = outcome.plus(inOwnTransaction(tenant.getValue()));
            } catch (RuntimeException failure) {
                if (Failures.isTransient(failure)) {
                    throw failure;
                }
                failed.put(tenant.getKey(), failure);
            }
        }
        if (byTenant.size() > 1 && failed.size() == byTenant.size()) {
            RuntimeException first = failed.values().iterator().next();
            log.error("Every tenant of the batch failed ({}): not one event's fault; the batch is retried", Failures.describe(first));
            throw first;
        }
        for (UUID tenant : failed.keySet()) {
            outcome = outcome.plus(quarantineFirstFailing(byTenant.get(tenant)));
        }
        return outcome;
    }

    private Outcome inOwnTransaction(List<PolledEvent> records) {
        return transaction.transactional(heldOrApplied(records)).block();
    }

    /** Applies the tenant's events one by one up to the first that fails, which is quarantined with the rest held. */
    private Outcome quarantineFirstFailing(List<PolledEvent> records) {
        Outcome outcome = Outcome.NONE;
        for (int i = 0; i < records.size(); i++) {
            PolledEvent record = records.get(i);
            try {
                outcome = outcome.plus(inOwnTransaction(List.of(record)));
            } catch (RuntimeException failure) {
                if (Failures.isTransient(failure)) {
                    throw failure;
                }
                List<PolledEvent> behind = records.subList(i + 1, records.size());
                quarantine(record, failure, behind);
                return outcome.plus(new Outcome(0, 0, behind.size(), 1, Set.of(record.tenantId())));
            }
        }
        return outcome;
    }

    private void quarantine(PolledEvent record, RuntimeException failure, List<PolledEvent> behind) {
        String error = failure instanceof EventFailure known ? known.getMessage() : Failures.describe(failure);
        transaction.transactional(store.quarantine(record, error).then(store.hold(behind))).block();
        log.error("Quarantined tenant {} at event {} (sequence {}, {}, {}): {}; {} later events of the batch held, "
                        + "every other tenant keeps flowing (docs/operations.md, \"Quarantined tenants\")",
                record.tenantId(), record.eventId(), record.sequence(), record.eventType(), record.where(), error, behind.size());
    }

    /** What a batch came to: events applied, duplicates skipped, records held, tenants quarantined. */
    public record Outcome(int applied, int duplicates, int held, int quarantined, Set<UUID> tenants) {

        static final Outcome NONE = new Outcome(0, 0, 0, 0, Set.of());

        Outcome plus(Outcome other) {
            Set<UUID> all = new LinkedHashSet<>(tenants);
            all.addAll(other.tenants);
            return new Outcome(applied + other.applied, duplicates + other.duplicates, held + other.held,
                    quarantined + other.quarantined, all);
        }
    }

    /** A record that fails for a reason known before the database sees it (it does not decode). */
    static final class EventFailure extends RuntimeException {

        EventFailure(String message) {
            super(message, null, false, false);
        }
    }
}
