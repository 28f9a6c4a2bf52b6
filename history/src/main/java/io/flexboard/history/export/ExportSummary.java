package io.flexboard.history.export;

import java.time.Duration;
import java.util.List;

/**
 * What an export did.
 *
 * @param ranges      the partitions read and their offset ranges
 * @param read        records read (offsets consumed) within the ranges
 * @param written     events written to the output
 * @param filtered    records read but outside the filters (time range by occurred_at, tenant, type)
 * @param skipped     undecodable records skipped ({@code --skip-undecodable})
 * @param duration    from the first lookup to the output's close
 * @param interrupted whether the run was stopped (Ctrl-C, SIGTERM) before the range's end
 */
public record ExportSummary(
        List<PartitionRange> ranges,
        long read,
        long written,
        long filtered,
        long skipped,
        Duration duration,
        boolean interrupted) {

    /** Offsets the ranges span. */
    public long total() {
        return ranges.stream().mapToLong(PartitionRange::size).sum();
    }

    /** Partitions the export read, in ascending order. */
    public List<Integer> partitions() {
        return ranges.stream().map(PartitionRange::partition).toList();
    }
}
