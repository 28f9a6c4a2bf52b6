package io.flexboard.projector.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.r2dbc.spi.Readable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code rebuilds} table of the live schema: every rebuild, which projector instance runs it
 * (a lease renewed by heartbeats) and its progress, so that any replica can answer for it and take
 * over an unfinished one.
 */
@Repository
class Rebuilds {

    private static final String COLUMNS = """
            id, read_models, all_read_models, status, target_schema, owner, events_applied, events_total,
            events_per_second, eta_seconds, started_at, finished_at, error, switch_ms, rows_changed::text as rows_changed""";

    private final DatabaseClient database;

    Rebuilds(DatabaseClient database) {
        this.database = database;
    }

    /** Records a new rebuild owned by {@code owner}; {@link AlreadyRunningException} while another one runs. */
    Mono<Rebuild> insert(UUID id, List<String> readModels, boolean allReadModels, String owner) {
        return database.sql("""
                        insert into rebuilds (id, read_models, all_read_models, status, target_schema, owner, heartbeat_at, started_at)
                        values (:id, :readModels, :all, 'copying', :schema, :owner, now(), now())
                        returning\s""" + COLUMNS)
                .bind("id", id)
                .bind("readModels", readModels.toArray(String[]::new))
                .bind("all", allReadModels)
                .bind("schema", Rebuild.schemaFor(id))
                .bind("owner", owner)
                .map(Rebuilds::rebuild)
                .one()
                // Only the partial unique index rebuilds_one_running can refuse a fresh random id.
                .onErrorMap(DataIntegrityViolationException.class, failure -> new AlreadyRunningException());
    }

    Mono<Rebuild> find(UUID id) {
        return database.sql("select " + COLUMNS + " from rebuilds where id = :id")
                .bind("id", id)
                .map(Rebuilds::rebuild)
                .one();
    }

    Flux<Rebuild> recent(int limit) {
        return database.sql("select " + COLUMNS + " from rebuilds order by started_at desc, id limit :limit")
                .bind("limit", limit)
                .map(Rebuilds::rebuild)
                .all();
    }

    /**
     * Takes over the running rebuild if nobody holds it: released by a projector that stopped, or
     * its owner's heartbeat older than the lease (a crash). It starts again from its stored offsets,
     * in the copying phase: a switch-over that was under way rolled back with its owner.
     */
    Mono<Rebuild> claimUnowned(String owner, Duration lease) {
        return database.sql("""
                        update rebuilds set owner = :owner, heartbeat_at = now(), status = 'copying'
                         where status = any(:running)
                           and (owner is null or heartbeat_at < now() - make_interval(secs => :lease))
                        returning\s""" + COLUMNS)
                .bind("owner", owner)
                .bind("running", RebuildStatus.runningValues())
                .bind("lease", (double) lease.toMillis() / 1000)
                .map(Rebuilds::rebuild)
                .one();
    }

    /** Renews the lease and stores the progress; empty when the rebuild is no longer this owner's running one. */
    Mono<RebuildStatus> heartbeat(UUID id, String owner, ProgressSnapshot progress) {
        return database.sql("""
                        update rebuilds
                           set heartbeat_at = now(), events_applied = :applied, events_total = :total,
                               events_per_second = :rate, eta_seconds = :eta
                         where id = :id and owner = :owner and status = any(:running)
                        returning status""")
                .bind("applied", progress.eventsApplied())
                .bind("total", progress.eventsTotal())
                .bind("rate", Parameter.fromOrEmpty(progress.eventsPerSecond(), Double.class))
                .bind("eta", Parameter.fromOrEmpty(progress.etaSeconds(), Long.class))
                .bind("id", id)
                .bind("owner", owner)
                .bind("running", RebuildStatus.runningValues())
                .map(row -> RebuildStatus.of(row.get("status", String.class)))
                .one();
    }

    /** Moves a running rebuild of this owner to another running phase; false when it is not (cancelled, taken over). */
    Mono<Boolean> enter(UUID id, String owner, RebuildStatus phase) {
        return update("update rebuilds set status = :phase where id = :id and owner = :owner and status = any(:running)",
                id, owner, spec -> spec.bind("phase", phase.value()));
    }

    /** The error a running rebuild is retrying after (null once a batch went through again). */
    Mono<Boolean> retrying(UUID id, String owner, String error) {
        return update("update rebuilds set error = :error where id = :id and owner = :owner and status = any(:running)",
                id, owner, spec -> spec.bind("error", Parameter.fromOrEmpty(error, String.class)));
    }

    Mono<Boolean> fail(UUID id, String owner, String error) {
        return update("""
                        update rebuilds set status = 'failed', finished_at = now(), error = :error, owner = null
                         where id = :id and owner = :owner and status = any(:running)""",
                id, owner, spec -> spec.bind("error", error));
    }

    /**
     * Gives the rebuild back for anyone to resume at once (this projector stops). Back in the copying
     * phase: a switch-over that was under way rolled back when its transaction ended.
     */
    Mono<Boolean> release(UUID id, String owner) {
        return update("""
                        update rebuilds set owner = null, status = 'copying'
                         where id = :id and owner = :owner and status = any(:running)""",
                id, owner, spec -> spec);
    }

    /** Cancels a rebuild that has not begun its switch-over; empty when it is not copying or catching up. */
    Mono<Rebuild> cancel(UUID id) {
        return database.sql("""
                        update rebuilds set status = 'cancelled', finished_at = now(), owner = null
                         where id = :id and status in ('copying', 'catching_up')
                        returning\s""" + COLUMNS)
                .bind("id", id)
                .map(Rebuilds::rebuild)
                .one();
    }

    /** Target schemas of finished rebuilds that still exist (their owner stopped before it dropped them). */
    Flux<String> leftoverSchemas() {
        return database.sql("""
                        select r.target_schema from rebuilds r join pg_namespace n on n.nspname = r.target_schema
                         where r.status <> all(:running)""")
                .bind("running", RebuildStatus.runningValues())
                .map(row -> row.get("target_schema", String.class))
                .all();
    }

    private Mono<Boolean> update(String sql, UUID id, String owner,
                                 UnaryOperator<DatabaseClient.GenericExecuteSpec> binds) {
        // Every one of these changes only a running rebuild of this owner.
        return binds.apply(database.sql(sql).bind("id", id).bind("owner", owner).bind("running", RebuildStatus.runningValues()))
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    private static Rebuild rebuild(Readable row) {
        String[] readModels = row.get("read_models", String[].class);
        return new Rebuild(row.get("id", UUID.class), Arrays.asList(readModels), row.get("all_read_models", Boolean.class),
                RebuildStatus.of(row.get("status", String.class)), row.get("target_schema", String.class),
                row.get("owner", String.class), row.get("events_applied", Long.class), row.get("events_total", Long.class),
                row.get("events_per_second", Double.class), row.get("eta_seconds", Long.class),
                row.get("started_at", Instant.class), row.get("finished_at", Instant.class), row.get("error", String.class),
                row.get("switch_ms", Long.class), row.get("rows_changed", String.class));
    }

    /** Another rebuild is running (the partial unique index allows one at a time across all replicas). */
    static final class AlreadyRunningException extends RuntimeException {
        AlreadyRunningException() {
            super("Another rebuild is running", null, false, false);
        }
    }
}
