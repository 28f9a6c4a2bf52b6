package io.flexboard.agent.data.widget;

import io.flexboard.agent.data.connector.QueryResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.parser.ParseException;

/**
 * Adds a widget's calculated columns ({@code margin = (revenue - cost) / revenue}) to its rows. Formulas are
 * EvalEx expressions: arithmetic, comparisons, IF, math and string functions over the row's columns — an
 * expression language with no way to the JVM, unlike a script engine. A formula that fails on one row
 * (a division by zero) gives null there; one that cannot be parsed, or names a column the rows do not have,
 * refuses the widget.
 */
final class CalculatedFields {

    private CalculatedFields() {
    }

    static QueryResult apply(WidgetDefinition widget, String dataSourceId, QueryResult result) throws WidgetDataException {
        if (widget.calculatedFields().isEmpty()) {
            return result;
        }
        List<QueryResult.Column> columns = new ArrayList<>(result.columns());
        List<Map<String, Object>> rows = new ArrayList<>(result.rows().size());
        result.rows().forEach(row -> rows.add(new LinkedHashMap<>(row)));
        for (WidgetDefinition.CalculatedField field : widget.calculatedFields()) {
            Expression prototype = parse(widget, dataSourceId, field, columns);
            String type = null;
            for (Map<String, Object> row : rows) {
                Object value = evaluate(prototype, row);
                row.put(field.name(), value);
                if (type == null && value != null) {
                    type = value instanceof Number ? "number" : value instanceof Boolean ? "boolean" : "string";
                }
            }
            columns.removeIf(column -> column.name().equals(field.name()));
            columns.add(new QueryResult.Column(field.name(), type == null ? "number" : type));
        }
        return new QueryResult(columns, rows, result.truncated());
    }

    private static Expression parse(WidgetDefinition widget, String dataSourceId, WidgetDefinition.CalculatedField field,
                                    List<QueryResult.Column> columns) throws WidgetDataException {
        Expression expression = new Expression(field.formula());
        try {
            expression.validate();
            List<String> known = columns.stream().map(QueryResult.Column::name).toList();
            for (String variable : expression.getUsedVariables()) {
                if (known.stream().noneMatch(column -> column.equalsIgnoreCase(variable))) {
                    throw refused(widget, dataSourceId, field, "uses '" + variable + "', which is not a column (columns: "
                            + String.join(", ", known) + ")");
                }
            }
            return expression;
        } catch (ParseException e) {
            throw refused(widget, dataSourceId, field, "cannot be read: " + e.getMessage());
        }
    }

    private static Object evaluate(Expression prototype, Map<String, Object> row) {
        try {
            Expression expression = prototype.copy();
            for (String variable : prototype.getUsedVariables()) {
                expression.with(variable, valueOf(row, variable));
            }
            EvaluationValue value = expression.evaluate();
            if (value.isNumberValue()) {
                return value.getNumberValue().stripTrailingZeros();
            }
            if (value.isBooleanValue()) {
                return value.getBooleanValue();
            }
            return value.isNullValue() ? null : value.getStringValue();
        } catch (EvaluationException | ParseException | ArithmeticException e) {
            return null;
        }
    }

    /** EvalEx folds variable names to lower case; a row's columns keep the source's case. */
    private static Object valueOf(Map<String, Object> row, String variable) {
        for (Map.Entry<String, Object> column : row.entrySet()) {
            if (column.getKey().equalsIgnoreCase(variable)) {
                return column.getValue() instanceof Number number && !(number instanceof BigDecimal)
                        ? new BigDecimal(number.toString()) : column.getValue();
            }
        }
        return null;
    }

    private static WidgetDataException refused(WidgetDefinition widget, String dataSourceId,
                                               WidgetDefinition.CalculatedField field, String message) {
        return new WidgetDataException(WidgetDataException.Reason.REFUSED, widget.key(), dataSourceId,
                "widget '" + widget.key() + "': calculated field '" + field.name() + "' " + message);
    }
}
