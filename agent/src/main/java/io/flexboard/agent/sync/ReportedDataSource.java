package io.flexboard.agent.sync;

/**
 * One data source as the agent reports it in its sync: what a builder may offer for a widget's
 * {@code dataSource.connection}. Only the id and the type, never a host, URL, file path or credential.
 *
 * @param id   the id in {@code datasources.yml}
 * @param type its type as {@code datasources.yml} names it ({@code sqlserver}, {@code csv}, ...)
 */
public record ReportedDataSource(String id, String type) {
}
