package io.flexboard.agent.data.file;

import io.flexboard.agent.AgentJson;
import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;
import io.flexboard.agent.data.connector.QueryResult;
import io.flexboard.agent.data.connector.QueryResult.Column;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A widget's query over a file (see {@link FileConnector} for its shape): which columns, which rows (equality
 * with literals or placeholder values), in which order, how many. Parsed from JSON, never evaluated as an
 * expression: a placeholder is a whole JSON string {@code "{name}"} replaced by the parameter's value.
 */
record FileQuery(String sheet, List<String> columns, Map<String, JsonNode> where, List<Sort> sort, Integer limit) {

    private static final Set<String> KEYS = Set.of("sheet", "columns", "where", "sort", "limit");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.\\-]*)}");
    private static final FileQuery EVERYTHING = new FileQuery(null, null, Map.of(), List.of(), null);

    /** One sort key; nulls come last in both orders. */
    record Sort(String field, boolean descending) {
    }

    static FileQuery parse(String json) throws ConnectorException {
        if (json == null || json.isBlank()) {
            return EVERYTHING;
        }
        JsonNode root;
        try {
            root = AgentJson.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw refused("is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw refused("must be a JSON object");
        }
        for (String key : root.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw refused("has an unknown key \"" + key + "\" (known: columns, where, sort, limit, sheet)");
            }
        }
        String sheet = null;
        if (root.has("sheet")) {
            if (!root.get("sheet").isString()) {
                throw refused("\"sheet\" must be a sheet name");
            }
            sheet = root.get("sheet").stringValue();
        }
        return new FileQuery(sheet, columns(root.get("columns")), where(root.get("where")), sort(root.get("sort")),
                limit(root.get("limit")));
    }

    private static List<String> columns(JsonNode node) throws ConnectorException {
        if (node == null) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw refused("\"columns\" must be a non-empty array of column names");
        }
        List<String> columns = new ArrayList<>();
        for (JsonNode column : node) {
            if (!column.isString()) {
                throw refused("\"columns\" must hold column names");
            }
            columns.add(column.stringValue());
        }
        return columns;
    }

    private static Map<String, JsonNode> where(JsonNode node) throws ConnectorException {
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw refused("\"where\" must be an object of column: value");
        }
        Map<String, JsonNode> where = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> condition : node.properties()) {
            JsonNode value = condition.getValue();
            boolean scalars = !value.isArray() || value.valueStream().allMatch(FileQuery::isScalar);
            if (!(isScalar(value) || value.isArray() && scalars)) {
                throw refused("\"where\"." + condition.getKey() + " must be a value or an array of values");
            }
            where.put(condition.getKey(), value);
        }
        return where;
    }

    private static boolean isScalar(JsonNode node) {
        return node.isString() || node.isNumber() || node.isBoolean() || node.isNull();
    }

    private static List<Sort> sort(JsonNode node) throws ConnectorException {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw refused("\"sort\" must be an array of {\"field\", \"order\"}");
        }
        List<Sort> sort = new ArrayList<>();
        for (JsonNode key : node) {
            JsonNode field = key.get("field");
            JsonNode order = key.get("order");
            String orderText = order == null ? "asc" : order.isString() ? order.stringValue().toLowerCase(Locale.ROOT) : "";
            if (!key.isObject() || field == null || !field.isString() || !(orderText.equals("asc") || orderText.equals("desc"))
                    || key.size() > (order == null ? 1 : 2)) {
                throw refused("\"sort\" entries must be {\"field\": <column>, \"order\": \"asc\" | \"desc\"}");
            }
            sort.add(new Sort(field.stringValue(), orderText.equals("desc")));
        }
        return sort;
    }

    private static Integer limit(JsonNode node) throws ConnectorException {
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw refused("\"limit\" must be a whole number of rows, 0 or more");
        }
        return node.intValue();
    }

    /** Runs the query over a parsed file: filter, sort, limit, then the row cap. */
    QueryResult apply(Table table, String fileName, Map<String, Object> parameters, int maxRows)
            throws ConnectorException {
        List<Integer> selected = new ArrayList<>();
        for (String column : columns == null ? table.columns().stream().map(Column::name).toList() : columns) {
            selected.add(indexIn(table, column, fileName));
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> condition : where.entrySet()) {
            int index = indexIn(table, condition.getKey(), fileName);
            conditions.add(new Condition(index, table.columns().get(index).type(),
                    accepted(condition.getKey(), condition.getValue(), parameters)));
        }
        Comparator<Object[]> order = null;
        for (Sort key : sort) {
            Comparator<Object[]> next = byColumn(indexIn(table, key.field(), fileName), key.descending());
            order = order == null ? next : order.thenComparing(next);
        }

        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : table.rows()) {
            if (conditions.stream().allMatch(condition -> condition.matches(row))) {
                rows.add(row);
            }
        }
        if (order != null) {
            rows.sort(order);
        }
        if (limit != null && rows.size() > limit) {
            rows = rows.subList(0, limit);
        }
        boolean truncated = rows.size() > maxRows;
        if (truncated) {
            rows = rows.subList(0, maxRows);
        }

        List<Column> resultColumns = selected.stream().map(index -> table.columns().get(index)).toList();
        List<Map<String, Object>> resultRows = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int index : selected) {
                values.put(table.columns().get(index).name(), row[index]);
            }
            resultRows.add(values);
        }
        return new QueryResult(resultColumns, resultRows, truncated);
    }

    private static int indexIn(Table table, String column, String fileName) throws ConnectorException {
        int index = table.indexOf(column);
        if (index < 0) {
            throw new ConnectorException(Failure.REFUSED, "the file query names column " + column + ", which "
                    + fileName + " does not have (it has: "
                    + String.join(", ", table.columns().stream().map(Column::name).toList()) + ")");
        }
        return index;
    }

    /** The values a condition accepts: literals, and placeholder values (a List accepts any of its values). */
    private static List<Object> accepted(String field, JsonNode value, Map<String, Object> parameters)
            throws ConnectorException {
        List<Object> accepted = new ArrayList<>();
        for (JsonNode element : value.isArray() ? value.valueStream().toList() : List.of(value)) {
            if (element.isString()) {
                String text = element.stringValue();
                Matcher placeholder = PLACEHOLDER.matcher(text);
                if (placeholder.matches()) {
                    accepted.addAll(parameter(placeholder.group(1), parameters));
                } else if (placeholder.reset().find()) {
                    throw refused("\"where\"." + field + ": a placeholder must be the whole value, as \"{"
                            + placeholder.group(1) + "}\"");
                } else {
                    accepted.add(text);
                }
            } else if (element.isNumber()) {
                accepted.add(element.decimalValue());
            } else if (element.isBoolean()) {
                accepted.add(element.booleanValue());
            } else {
                accepted.add(null);
            }
        }
        return accepted;
    }

    private static List<Object> parameter(String name, Map<String, Object> parameters) throws ConnectorException {
        Object value = parameters.get(name);
        if (value == null) {
            throw new ConnectorException(Failure.REFUSED, "the file query uses {" + name
                    + "} but the widget gives no value for it");
        }
        List<Object> values = new ArrayList<>();
        for (Object element : value instanceof List<?> list ? list : List.of(value)) {
            if (!(element instanceof String || element instanceof BigDecimal || element instanceof LocalDate)) {
                throw new ConnectorException(Failure.REFUSED, "the value of {" + name
                        + "} is neither text, a number nor a date");
            }
            values.add(element);
        }
        return values;
    }

    /** One {@code where} entry: the row's cell must equal one of the accepted values, compared by column type. */
    private record Condition(int index, String type, List<Object> accepted) {

        boolean matches(Object[] row) {
            Object cell = row[index];
            for (Object candidate : accepted) {
                if (candidate == null ? cell == null : cell != null && equal(cell, candidate)) {
                    return true;
                }
            }
            return false;
        }

        private boolean equal(Object cell, Object candidate) {
            if (type.equals("number")) {
                BigDecimal wanted = candidate instanceof BigDecimal decimal ? decimal : decimal(candidate.toString());
                return wanted != null && ((BigDecimal) cell).compareTo(wanted) == 0;
            }
            if (type.equals("boolean")) {
                return cell.toString().equalsIgnoreCase(candidate.toString());
            }
            String text = candidate instanceof BigDecimal decimal ? decimal.toPlainString() : candidate.toString();
            return cell.toString().equals(text);
        }

        private static BigDecimal decimal(String text) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object[]> byColumn(int index, boolean descending) {
        Comparator<Comparable> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing(row -> (Comparable) row[index], Comparator.nullsLast(values));
    }

    private static ConnectorException refused(String why) {
        return new ConnectorException(Failure.REFUSED, "the file query " + why);
    }
}
