package io.flexboard.projector.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flexboard.projector.published.PublishedVersionNotification;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the rebuilt read models the live ones, atomically for every reader, in one transaction on
 * the live schema:
 * <ol>
 *   <li>lock the live {@code tenant_positions} in EXCLUSIVE mode first. The live projector's every
 *       batch starts by locking rows of it, so it now waits, holding nothing else; plain reads
 *       (query-api's consistency waits) go on;</li>
 *   <li>let the rebuild catch up, in its own transactions, to what the live projector applied
 *       (now frozen), and check it did: with all read models at or beyond every live position,
 *       with some exactly at them;</li>
 *   <li>lock the replaced live tables (EXCLUSIVE: readers go on, the sync report projection's {@code last_sync}
 *       writes wait), then per table delete the live rows that differ from the rebuilt ones and
 *       insert the rebuilt rows that are missing. Readers see the old rows until the commit and
 *       the new ones right after it: no reader ever waits, and a rebuild that changes nothing writes
 *       nothing;</li>
 *   <li>notify agent-bridge of every tenant whose sync answer changed (published version or pause),
 *       record the rebuild as done, commit. The live projector resumes on the copied positions and skips what the
 *       rebuild already applied as duplicates.</li>
 * </ol>
 */
@Component
class SwitchOver {

    private static final Logger log = LoggerFactory.getLogger(SwitchOver.class);

    private final ConnectionFactory connections;
    private final String live;
    private final Duration lockTimeout;
    private final JsonMapper json;
    private final Timer duration;

    SwitchOver(ConnectionFactory connections, @Value("${spring.r2dbc.properties.schema}") String liveSchema,
               RebuildProperties properties, JsonMapper json, MeterRegistry meters) {
        this.connections = connections;
        this.live = liveSchema;
        this.lockTimeout = properties.lockTimeout();
        this.json = json;
        this.duration = Timer.builder("flexboard.projector.rebuild.switch")
                .description("How long a rebuild's switch-over held the live projector (lock to commit)")
                .register(meters);
    }

    /** What the rebuild needs to do between taking the lock and replacing the rows. */
    interface Phases {
        /** The lock is held: move to catching_up and apply the history up to the live positions. */
        void catchUp();

        /** Caught up and checked: move to switching; false when the rebuild was cancelled meanwhile. */
        boolean switching();

        /** Progress to record with the rebuild's end. */
        ProgressSnapshot progress();
    }

    /** The switch-over's outcome: how long the live projector waited, rows replaced per table, tenants notified. */
    record Result(long switchMs, Map<String, Changes> changes, long notified) {
    }

    /** Rows of one live table deleted (they differed or were not rebuilt) and inserted (rebuilt and missing). */
    record Changes(long deleted, long inserted) {
    }

    /**
     * Before the lock, so the live projector does not wait for it: compares every table the
     * switch-over replaces, live and rebuilt, in one snapshot (REPEATABLE READ), and keeps in the
     * rebuild's schema the keys of the rows that differ ({@code switch_differing_<table>}) and every
     * tenant's position on both sides at that moment ({@code switch_positions}). Under the lock only
     * those rows and the rows of tenants whose position moved since are compared again: nothing else
     * can have changed in between (every write of a projection moves its tenant's position; the
     * columns other sources write are copied into the rebuilt rows first). Returns the rows that differed.
     */
    long compare(Rebuild rebuild) {
        String target = RebuildSchemas.checked(rebuild.targetSchema());
        long started = System.nanoTime();
        long differing = 0;
        try (LiveTransaction transaction = LiveTransaction.snapshot(connections)) {
            transaction.update("drop table if exists " + target + ".switch_positions");
            transaction.update("create table " + target + ".switch_positions as"
                    + " select 'live'::text as side, tenant_id, aggregate_sequence from " + live + ".tenant_positions"
                    + " union all select 'rebuilt', tenant_id, aggregate_sequence from " + target + ".tenant_positions");
            for (ReadModelTable table : rebuild.tables()) {
                Shape shape = shape(transaction, target, table);
                copyLiveColumns(transaction, target, table, shape);
                transaction.update("drop table if exists " + target + ".switch_differing_" + table.name());
                // One pass over each side, joined on the key; whole rows compared (null-safe).
                differing += transaction.update("create table " + target + ".switch_differing_" + table.name() + " as select "
                        + shape.keyColumns().stream().map(column -> "coalesce(l." + column + ", r." + column + ") as " + column)
                                .collect(Collectors.joining(", "))
                        + " from " + live + "." + table.name() + " l full join " + target + "." + table.name() + " r on "
                        + shape.keyColumns().stream().map(column -> "l." + column + " = r." + column).collect(Collectors.joining(" and "))
                        + " where row(" + prefixed("l", shape.columns()) + ") is distinct from row(" + prefixed("r", shape.columns()) + ")");
            }
            transaction.commit();
        }
        // The rebuild is up to switch-lag events short of the topic's end here: rows of the tenants of
        // those last events differ until it catches up under the lock, where they are compared again.
        log.info("Rebuild {} compared the live and rebuilt read models in {} ms: {} rows differ for now, before the"
                + " last events are applied", rebuild.id(),
                Duration.ofNanos(System.nanoTime() - started).toMillis(), differing);
        return differing;
    }

    /**
     * Runs the switch-over of {@code rebuild}, owned by {@code owner}, after {@link #compare}. Throws {@link RefusedException}
     * when the rebuilt read models cannot replace the live ones (the rebuild fails),
     * {@link NotOwnedException} when it was cancelled or taken over meanwhile (nothing changed), and
     * anything else for a failure worth retrying (a lock timeout, the database away).
     */
    Result run(Rebuild rebuild, String owner, Phases phases) {
        String target = RebuildSchemas.checked(rebuild.targetSchema());
        List<ReadModelTable> tables = rebuild.tables();
        try (LiveTransaction transaction = LiveTransaction.begin(connections)) {
            transaction.update("select set_config('lock_timeout', $1, true)", lockTimeout.toMillis() + "ms");
            transaction.update("lock table " + live + ".tenant_positions in exclusive mode");
            long locked = System.nanoTime();

            phases.catchUp();
            checkPositions(transaction, target, rebuild.allReadModels());
            if (!phases.switching()) {
                throw new NotOwnedException();
            }

            transaction.update("set constraints all deferred");
            for (ReadModelTable table : tables) {
                transaction.update("lock table " + live + "." + table.name() + " in exclusive mode");
            }
            List<UUID> announced = tenantsWhoseAnswerChanges(transaction, target, tables);
            UUID[] moved = tenantsThatMovedSinceTheComparison(transaction, target);
            Map<String, Changes> changes = new LinkedHashMap<>();
            for (ReadModelTable table : tables) {
                changes.put(table.name(), replace(transaction, target, table, moved));
            }
            checkForeignKeys(transaction);
            long notified = announce(transaction, announced);

            long switchMs = Duration.ofNanos(System.nanoTime() - locked).toMillis();
            ProgressSnapshot progress = phases.progress();
            long recorded = transaction.update("update " + live + ".rebuilds"
                            + " set status = 'done', finished_at = now(), owner = null, error = null, switch_ms = $1,"
                            + " rows_changed = $2::jsonb, events_applied = $3, events_total = $4, events_per_second = null,"
                            + " eta_seconds = 0 where id = $5 and owner = $6 and status in ('catching_up', 'switching')",
                    switchMs, json.writeValueAsString(changes), progress.eventsApplied(), progress.eventsTotal(),
                    rebuild.id(), owner);
            if (recorded != 1) {
                throw new NotOwnedException();
            }
            transaction.commit();
            long heldNanos = System.nanoTime() - locked;
            duration.record(Duration.ofNanos(heldNanos));
            log.info("Rebuild {} switched over in {} ms (live projector held {} ms): rows changed {}, {} tenants notified",
                    rebuild.id(), switchMs, Duration.ofNanos(heldNanos).toMillis(), changes, notified);
            return new Result(switchMs, changes, notified);
        }
    }

    /**
     * With all read models the rebuild replaces the positions too: it may be ahead of the live ones
     * (the live projector then skips those events as duplicates), never behind. With some read
     * models it keeps the live positions, so it must stand exactly at them: behind, its tables would
     * miss events the positions claim; ahead, the live projector would apply those events again to
     * tables that already hold them.
     */
    private void checkPositions(LiveTransaction transaction, String target, boolean allReadModels) {
        String mismatch = allReadModels
                ? "r.aggregate_sequence is null or r.aggregate_sequence < l.aggregate_sequence"
                : "l.aggregate_sequence is distinct from r.aggregate_sequence";
        String join = allReadModels ? "left join" : "full join";
        List<String> tenants = transaction.query("select coalesce(l.tenant_id, r.tenant_id)::text || ' (live '"
                        + " || coalesce(l.aggregate_sequence::text, 'none') || ', rebuilt ' || coalesce(r.aggregate_sequence::text, 'none') || ')'"
                        + " as tenant from " + live + ".tenant_positions l " + join + " " + target + ".tenant_positions r"
                        + " using (tenant_id) where " + mismatch + " order by 1 limit 5",
                row -> row.get("tenant", String.class));
        if (!tenants.isEmpty()) {
            throw new RefusedException("The live read models hold events that flexboard.events does not (or not in the"
                    + " order the rebuild reads them), so the rebuild cannot replace them; tenants " + String.join(", ", tenants)
                    + (allReadModels ? "" : ". A rebuild of some read models must reach the live positions exactly"));
        }
    }

    /**
     * agent-bridge caches each tenant's sync answer, made of its published version and whether it
     * is paused, and refreshes it on a notification (PublishedVersionNotification). So the tenants
     * whose published row the switch-over changes, adds or removes, or whose pause it changes, are
     * announced; every other tenant hears nothing. Their old publishes are never announced again.
     */
    private List<UUID> tenantsWhoseAnswerChanges(LiveTransaction transaction, String target, List<ReadModelTable> tables) {
        List<String> changed = new ArrayList<>();
        if (tables.stream().anyMatch(table -> table.name().equals("published_versions"))) {
            String columns = String.join(", ", shape(transaction, target, new ReadModelTable("published_versions")).columns());
            changed.add("select tenant_id from (select " + columns + " from " + target + ".published_versions except select "
                    + columns + " from " + live + ".published_versions) rebuilt");
            changed.add("select tenant_id from (select " + columns + " from " + live + ".published_versions except select "
                    + columns + " from " + target + ".published_versions) replaced");
        }
        if (tables.stream().anyMatch(table -> table.name().equals("tenants"))) {
            changed.add("select r.id from " + target + ".tenants r join " + live + ".tenants l on l.id = r.id"
                    + " where r.is_active is distinct from l.is_active");
        }
        if (changed.isEmpty()) {
            return List.of();
        }
        return transaction.query(String.join(" union ", changed), row -> row.get(0, UUID.class));
    }

    /** {@code <tenant>:<published version, 0 if none>} as the live projector sends it; delivered on commit. */
    private long announce(LiveTransaction transaction, List<UUID> tenants) {
        if (tenants.isEmpty()) {
            return 0;
        }
        return transaction.query("select pg_notify($1, t.id::text || ':' || coalesce((select p.version from " + live
                        + ".published_versions p where p.tenant_id = t.id), 0)) from unnest($2::uuid[]) as t(id)",
                row -> Boolean.TRUE, PublishedVersionNotification.CHANNEL, tenants.toArray(UUID[]::new)).size();
    }

    /** Tenants whose live or rebuilt position is not what {@link #compare} saw: their rows may differ now. */
    private UUID[] tenantsThatMovedSinceTheComparison(LiveTransaction transaction, String target) {
        String moved = "select coalesce(present.tenant_id, compared.tenant_id) as tenant_id from %s.tenant_positions present"
                + " full join (select tenant_id, aggregate_sequence from " + target + ".switch_positions where side = '%s') compared"
                + " using (tenant_id) where present.aggregate_sequence is distinct from compared.aggregate_sequence";
        return transaction.query(moved.formatted(live, "live") + " union " + moved.formatted(target, "rebuilt"),
                row -> row.get("tenant_id", UUID.class)).toArray(UUID[]::new);
    }

    /**
     * Deletes the live rows that differ from every rebuilt row, then inserts the rebuilt rows the
     * live table lacks, among the rows that can differ: those {@link #compare} found and those of
     * tenants that moved since. Joins throughout (the candidate keys in a temporary table), so
     * PostgreSQL hashes them whatever their number: a million differing rows stay linear.
     */
    private Changes replace(LiveTransaction transaction, String target, ReadModelTable table, UUID[] moved) {
        Shape shape = shape(transaction, target, table);
        copyLiveColumns(transaction, target, table, shape);
        String key = String.join(", ", shape.keyColumns());
        transaction.update("drop table if exists pg_temp.switch_candidates");
        transaction.update("create temporary table switch_candidates on commit drop as"
                + " select " + key + " from " + target + ".switch_differing_" + table.name()
                + " union select " + key + " from " + live + "." + table.name() + " where " + table.tenantColumn() + " = any($1::uuid[])"
                + " union select " + key + " from " + target + "." + table.name() + " where " + table.tenantColumn() + " = any($1::uuid[])",
                (Object) moved);
        transaction.update("analyze pg_temp.switch_candidates");
        String liveRows = candidateRows(live, table, shape);
        String rebuiltRows = candidateRows(target, table, shape);
        long deleted = transaction.update("delete from " + live + "." + table.name() + " t using (select " + key + " from ("
                + liveRows + " except " + rebuiltRows + ") differing) d where "
                + shape.keyColumns().stream().map(column -> "t." + column + " = d." + column).collect(Collectors.joining(" and ")));
        long inserted = transaction.update("insert into " + live + "." + table.name() + " (" + String.join(", ", shape.columns())
                + ") " + rebuiltRows + " except " + liveRows);
        return new Changes(deleted, inserted);
    }

    /** The rows of {@code schema}'s table whose key is a candidate, every column, in the live table's order. */
    private static String candidateRows(String schema, ReadModelTable table, Shape shape) {
        return "select " + prefixed("x", shape.columns()) + " from " + schema + "." + table.name()
                + " x join pg_temp.switch_candidates c on "
                + shape.keyColumns().stream().map(column -> "x." + column + " = c." + column).collect(Collectors.joining(" and "));
    }

    /** Columns another source writes keep their live values: copied into the rebuilt rows where they differ. */
    private void copyLiveColumns(LiveTransaction transaction, String target, ReadModelTable table, Shape shape) {
        if (table.liveColumns().isEmpty()) {
            return;
        }
        String set = table.liveColumns().stream().map(column -> column + " = l." + column).collect(Collectors.joining(", "));
        String keyMatch = shape.keyColumns().stream().map(column -> "r." + column + " = l." + column)
                .collect(Collectors.joining(" and "));
        String differs = table.liveColumns().stream().map(column -> "r." + column + " is distinct from l." + column)
                .collect(Collectors.joining(" or "));
        transaction.update("update " + target + "." + table.name() + " r set " + set + " from " + live + "." + table.name()
                + " l where " + keyMatch + " and (" + differs + ")");
    }

    private static String prefixed(String alias, List<String> columns) {
        return columns.stream().map(column -> alias + "." + column).collect(Collectors.joining(", "));
    }

    /** Foreign keys deferred to here: a rebuilt table that does not fit the live ones it points at fails now, by name. */
    private static void checkForeignKeys(LiveTransaction transaction) {
        try {
            transaction.update("set constraints all immediate");
        } catch (R2dbcDataIntegrityViolationException e) {
            throw new RefusedException("The rebuilt rows do not fit the live read models they refer to (" + e.getMessage()
                    + "); rebuild the read models they refer to as well, or all of them");
        }
    }

    /** A table's columns (in the live table's order) and primary key columns. */
    private record Shape(List<String> columns, List<String> keyColumns) {
    }

    /**
     * The live table's shape; the rebuild's table must have exactly the same columns (both come from
     * the same migrations, but a projector of another version may have migrated the live schema).
     */
    private Shape shape(LiveTransaction transaction, String target, ReadModelTable table) {
        List<String> liveColumns = columnsOf(transaction, live, table.name());
        Set<String> rebuilt = Set.copyOf(columnsOf(transaction, target, table.name()));
        if (!rebuilt.equals(Set.copyOf(liveColumns))) {
            throw new RefusedException("The rebuilt " + table.name() + " has columns " + rebuilt + " but the live one "
                    + liveColumns + ": the projector that rebuilt it runs other migrations than the live schema has");
        }
        List<String> key = transaction.query("select a.attname from pg_index i join pg_attribute a"
                        + " on a.attrelid = i.indrelid and a.attnum = any(i.indkey)"
                        + " where i.indrelid = $1::regclass and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)",
                row -> row.get("attname", String.class), live + "." + table.name());
        if (key.isEmpty()) {
            throw new RefusedException("The live " + table.name() + " has no primary key, so its differing rows cannot be replaced");
        }
        return new Shape(liveColumns, key);
    }

    private List<String> columnsOf(LiveTransaction transaction, String schema, String table) {
        return transaction.query("select attname from pg_attribute where attrelid = $1::regclass and attnum > 0"
                        + " and not attisdropped order by attnum",
                row -> row.get("attname", String.class), schema + "." + table);
    }

    /** The rebuilt read models cannot replace the live ones; retrying would not change that. */
    static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }

    /** The rebuild was cancelled or another projector took it over while this one switched. */
    static final class NotOwnedException extends RuntimeException {
        NotOwnedException() {
            super("The rebuild is no longer this projector's to switch (cancelled or taken over)", null, false, false);
        }
    }
}
