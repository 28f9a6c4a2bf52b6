/**
 * The export tool, {@code java -jar flexboard-history.jar export}: reads a time range of the events topic by
 * partition assignment (no consumer group, no committed offsets), optionally only some tenants and event
 * types, and writes JSON Lines, CSV or an Avro object-container file. docs/history.md describes it.
 */
package io.flexboard.history.export;
