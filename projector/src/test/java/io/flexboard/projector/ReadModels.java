package io.flexboard.projector;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the read models back over plain JDBC, independent of the projector's R2DBC code, with
 * values normalised for comparison: uuid → String, timestamptz → Instant, jsonb → JsonNode.
 */
final class ReadModels {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ReadModels() {
        this(TestDatabase.JDBC_URL);
    }

    /** The read models of another test database (TestDatabase.separate). */
    ReadModels(String jdbcUrl) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(jdbcUrl + "?currentSchema=readmodel",
                TestDatabase.USER, "");
        jdbc = JdbcClient.create(dataSource);
    }

    /** The tenant's projected position, or null when nothing was applied yet. */
    Long position(String tenantId) {
        return jdbc.sql("select aggregate_sequence from tenant_positions where tenant_id = ?")
                .param(UUID.fromString(tenantId))
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    List<Map<String, Object>> rows(String sql, String tenantId) {
        return jdbc.sql(sql).param(UUID.fromString(tenantId)).query().listOfRows().stream()
                .map(ReadModels::normalise)
                .toList();
    }

    /** Every row a query without parameters answers. */
    List<Map<String, Object>> all(String sql) {
        return jdbc.sql(sql).query().listOfRows().stream().map(ReadModels::normalise).toList();
    }

    Map<String, Object> row(String sql, String tenantId) {
        List<Map<String, Object>> rows = rows(sql, tenantId);
        if (rows.size() != 1) {
            throw new AssertionError("Expected one row from [" + sql + "] but got " + rows);
        }
        return rows.get(0);
    }

    /** A single number, e.g. a sequence's value. */
    long number(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Writes rows directly, e.g. telemetry older than any report a test could send; Instants as timestamptz. */
    void execute(String sql, Object... params) {
        Object[] values = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            values[i] = params[i] instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : params[i];
        }
        jdbc.sql(sql).params(values).update();
    }

    /** A row as column → value pairs, in column order (Map.of refuses nulls). */
    static Map<String, Object> columns(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    static tools.jackson.databind.JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static Map<String, Object> normalise(Map<String, Object> row) {
        Map<String, Object> normalised = new LinkedHashMap<>();
        row.forEach((column, value) -> normalised.put(column, normalise(value)));
        return normalised;
    }

    private static Object normalise(Object value) {
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof PGobject object && object.getType().startsWith("json")) {
            return JSON.readTree(object.getValue());
        }
        return value;
    }
}
