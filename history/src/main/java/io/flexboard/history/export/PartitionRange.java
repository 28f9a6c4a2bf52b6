package io.flexboard.history.export;

/**
 * The offsets of one partition an export reads: from {@code start} (inclusive) to {@code end} (exclusive).
 *
 * @param partition the partition number
 * @param start     the first offset whose record may be in the time range
 * @param end       the first offset not read: the first record at or after {@code --to}, or the partition's end
 *                  offset when the run started
 */
public record PartitionRange(int partition, long start, long end) {

    /** How many offsets the range spans (records, plus any gaps a compaction or transaction marker left). */
    public long size() {
        return end - start;
    }

    @Override
    public String toString() {
        return partition + ":[" + start + "," + end + ")";
    }
}
