package io.flexboard.projector.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code flexboard.projector.*}: how a failed batch is retried and how long sync reports are kept. */
@ConfigurationProperties("flexboard.projector")
public record ProjectorProperties(@DefaultValue Retry retry, @DefaultValue SyncReports syncReports,
                                  @DefaultValue SyncReportCounts syncReportCounts, @DefaultValue Pruning pruning) {

    /** Exponential back-off between attempts of a failed batch, which is retried forever. */
    public record Retry(@DefaultValue("1s") Duration initialInterval, @DefaultValue("30s") Duration maxInterval) {
    }

    /** {@code sync_reports} rows older than {@code retention} (by {@code synced_at}) are pruned. */
    public record SyncReports(@DefaultValue("7d") Duration retention) {
    }

    /** {@code sync_report_counts} hours older than {@code retention} are pruned. */
    public record SyncReportCounts(@DefaultValue("90d") Duration retention) {
    }

    /** How often the retention pruner runs and how many rows one delete statement removes at most. */
    public record Pruning(@DefaultValue("10m") Duration interval, @DefaultValue("10000") int chunkSize) {
    }
}
