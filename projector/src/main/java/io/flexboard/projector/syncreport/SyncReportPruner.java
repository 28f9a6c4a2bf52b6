package io.flexboard.projector.syncreport;

import java.time.Duration;
import java.time.Instant;

import io.flexboard.projector.config.ProjectorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the sync reports bounded: deletes {@code sync_reports} older than
 * {@code flexboard.projector.sync-reports.retention} and {@code sync_report_counts} hours older than
 * {@code flexboard.projector.sync-report-counts.retention}. Each statement deletes at most
 * {@code flexboard.projector.pruning.chunk-size} rows and commits on its own, so pruning a week of
 * ten thousand agents never holds one huge transaction against the projection's inserts. Every
 * projector replica prunes; two at once only find fewer rows.
 */
@Component
public class SyncReportPruner {

    private static final Logger log = LoggerFactory.getLogger(SyncReportPruner.class);

    private final DatabaseClient database;
    private final ProjectorProperties properties;

    SyncReportPruner(DatabaseClient database, ProjectorProperties properties) {
        this.database = database;
        this.properties = properties;
    }

    /** Deletes everything past retention as of now; emits the rows deleted from each table. */
    public Mono<Pruned> prune() {
        Instant now = Instant.now();
        Instant logsCutoff = now.minus(properties.syncReports().retention());
        Instant countsCutoff = now.minus(properties.syncReportCounts().retention());
        return inChunks("""
                        delete from sync_reports
                         where id in (select id from sync_reports where synced_at < :cutoff limit :chunk)
                        """, logsCutoff)
                .zipWith(inChunks("""
                        delete from sync_report_counts
                         where (tenant_id, hour) in (select tenant_id, hour from sync_report_counts where hour < :cutoff limit :chunk)
                        """, countsCutoff), Pruned::new);
    }

    /** The scheduled run: logs what went; a failure is logged and the next run tries again. */
    void pruneAndLog() {
        long start = System.nanoTime();
        try {
            // Blocking is right here: a scheduler thread, not a request path.
            Pruned pruned = prune().block();
            log.info("Pruned {} sync_reports rows older than {} and {} sync_report_counts rows older than {} in {} ms",
                    pruned.syncReports(), properties.syncReports().retention(), pruned.syncReportCounts(),
                    properties.syncReportCounts().retention(), Duration.ofNanos(System.nanoTime() - start).toMillis());
        } catch (RuntimeException e) {
            log.warn("Pruning sync logs failed; the next run retries", e);
        }
    }

    /** Repeats the chunked delete until a chunk comes back short. */
    private Mono<Long> inChunks(String sql, Instant cutoff) {
        int chunk = properties.pruning().chunkSize();
        Mono<Long> oneChunk = database.sql(sql)
                .bind("cutoff", cutoff)
                .bind("chunk", chunk)
                .fetch()
                .rowsUpdated();
        return oneChunk.expand(deleted -> deleted < chunk ? Mono.empty() : oneChunk)
                .reduce(0L, Long::sum);
    }

    /** Rows deleted by one pruning run. */
    public record Pruned(long syncReports, long syncReportCounts) {
    }
}
