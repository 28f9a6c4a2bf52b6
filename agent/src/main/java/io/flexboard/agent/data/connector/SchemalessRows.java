package io.flexboard.agent.data.connector;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Columns and rows from records that carry no schema (a REST answer's JSON objects, MongoDB documents):
 * columns in the order their names first appear, each column's type read from its values.
 *
 * <p>Record values are Java values: String, Number, Boolean, null, {@link Instant} (a point in time, typed
 * {@code datetime}), {@link LocalDate} ({@code date}), or a Map/List for nested data ({@code json}, its
 * content already JSON-ready). A column whose values are all null is typed {@code string}: the viewer needs a
 * type and text is the one every value can be shown as. A column mixing scalar kinds is typed {@code string}
 * and its values turned into text, so that a column's type always tells how to read its values; a column
 * holding nested data next to scalars is typed {@code json}, which holds both.
 */
public final class SchemalessRows {

    private enum Kind {
        STRING("string"), NUMBER("number"), BOOLEAN("boolean"), DATE("date"), DATETIME("datetime"), JSON("json");

        private final String typeName;

        Kind(String typeName) {
            this.typeName = typeName;
        }
    }

    private SchemalessRows() {
    }

    /** The result holding {@code records} (already capped by the caller), every row holding every column. */
    public static QueryResult of(List<Map<String, Object>> records, boolean truncated) {
        Map<String, Set<Kind>> kindsByColumn = new LinkedHashMap<>();
        for (Map<String, Object> record : records) {
            record.forEach((name, value) -> {
                Set<Kind> kinds = kindsByColumn.computeIfAbsent(name, n -> EnumSet.noneOf(Kind.class));
                if (value != null) {
                    kinds.add(kindOf(value));
                }
            });
        }
        Map<String, Kind> typeByColumn = new LinkedHashMap<>();
        kindsByColumn.forEach((name, kinds) -> typeByColumn.put(name, unify(kinds)));

        List<QueryResult.Column> columns = new ArrayList<>();
        typeByColumn.forEach((name, kind) -> columns.add(new QueryResult.Column(name, kind.typeName)));
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            Map<String, Object> row = new LinkedHashMap<>();
            typeByColumn.forEach((name, kind) -> row.put(name, jsonReady(record.get(name), kind)));
            rows.add(row);
        }
        return new QueryResult(columns, rows, truncated);
    }

    private static Kind kindOf(Object value) {
        if (value instanceof Number) {
            return Kind.NUMBER;
        }
        if (value instanceof Boolean) {
            return Kind.BOOLEAN;
        }
        if (value instanceof Instant) {
            return Kind.DATETIME;
        }
        if (value instanceof LocalDate) {
            return Kind.DATE;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return Kind.JSON;
        }
        return Kind.STRING;
    }

    private static Kind unify(Set<Kind> kinds) {
        if (kinds.isEmpty()) {
            return Kind.STRING;
        }
        if (kinds.size() == 1) {
            return kinds.iterator().next();
        }
        if (kinds.contains(Kind.JSON)) {
            return Kind.JSON;
        }
        if (kinds.equals(EnumSet.of(Kind.DATE, Kind.DATETIME))) {
            return Kind.DATETIME;
        }
        return Kind.STRING;
    }

    private static Object jsonReady(Object value, Kind columnKind) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date && columnKind == Kind.DATETIME) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        }
        if (value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        if (columnKind == Kind.STRING) {
            return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        }
        return value;
    }
}
