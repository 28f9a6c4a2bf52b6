package io.flexboard.agent.data.connector;

import java.util.List;
import java.util.Map;

/**
 * Rows as the viewer receives them. Values are JSON-ready: String, Number, Boolean, null, or ISO-8601
 * text for dates and times. Each row map keeps the column order.
 *
 * @param columns   name and type of each column, in order
 * @param rows      at most the request's {@code maxRows}
 * @param truncated whether the source had more rows than the cap
 */
public record QueryResult(List<Column> columns, List<Map<String, Object>> rows, boolean truncated) {

    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * A column and its type in the viewer's words.
     *
     * @param name the column's label as the source names it
     * @param type one of {@code string}, {@code number}, {@code boolean}, {@code date}, {@code datetime}, {@code time}, {@code json}
     */
    public record Column(String name, String type) {
    }
}
