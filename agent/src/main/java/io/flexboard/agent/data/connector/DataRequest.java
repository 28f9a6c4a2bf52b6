package io.flexboard.agent.data.connector;

import java.util.Map;

/**
 * What a widget asks of its data source. Exactly one of {@code query} (SQL, or MongoDB's find/aggregate
 * JSON), {@code endpoint} (REST) or {@code file} (CSV/Excel, with {@code query} as the optional file query)
 * is the text the connector runs.
 *
 * @param query      SQL or a Mongo command with {@code {field}} placeholders; for files, the file query JSON
 * @param endpoint   a REST path (and query string) relative to the data source's url, with placeholders
 * @param file       a file name inside the data source's directory
 * @param path       for REST, a JSON Pointer ({@code /data/items}) to the rows inside the answer; null when the
 *                   answer is the array of rows itself
 * @param parameters placeholder values by name ({@code region}, {@code date_range.from}): a String,
 *                   a java.math.BigDecimal, a java.time.LocalDate, or a java.util.List of those (a
 *                   multiselect: {@code IN ({region})} binds one parameter per element)
 * @param maxRows    the row cap: at most this many rows are returned, {@code truncated} tells if there were more
 */
public record DataRequest(String query, String endpoint, String file, String path, Map<String, Object> parameters,
                          int maxRows) {

    public DataRequest {
        parameters = Map.copyOf(parameters);
    }

    public static DataRequest query(String query, Map<String, Object> parameters, int maxRows) {
        return new DataRequest(query, null, null, null, parameters, maxRows);
    }
}
