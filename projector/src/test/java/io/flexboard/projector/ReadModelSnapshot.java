package io.flexboard.projector;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Every row of every read model a rebuild replaces, read over plain JDBC in primary-key order and
 * normalised like {@link ReadModels} (bytea as hex, so two snapshots compare with equals).
 */
final class ReadModelSnapshot {

    static final List<String> TABLES = List.of("tenants", "api_keys", "dashboards", "widgets", "versions",
            "published_versions", "event_history", "tenant_positions");

    private final JdbcClient jdbc;
    private final ReadModels readModels;

    ReadModelSnapshot(String jdbcUrl) {
        jdbc = JdbcClient.create(new DriverManagerDataSource(jdbcUrl + "?currentSchema=readmodel", TestDatabase.USER, ""));
        readModels = new ReadModels(jdbcUrl);
    }

    /** Table → its rows, in key order. */
    Map<String, List<Map<String, Object>>> take() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            String key = String.join(", ", jdbc.sql("""
                            select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                             where i.indrelid = ('readmodel.' || ?)::regclass and i.indisprimary
                             order by array_position(i.indkey::int2[], a.attnum)""")
                    .param(table).query(String.class).list());
            tables.put(table, readModels.all("select * from " + table + " order by " + key).stream()
                    .map(ReadModelSnapshot::hex).toList());
        }
        return tables;
    }

    private static Map<String, Object> hex(Map<String, Object> row) {
        Map<String, Object> normalised = new LinkedHashMap<>(row);
        normalised.replaceAll((column, value) -> value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value);
        return normalised;
    }
}
