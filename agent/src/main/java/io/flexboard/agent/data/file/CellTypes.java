package io.flexboard.agent.data.file;

import io.flexboard.agent.data.connector.QueryResult.Column;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Types the columns of a file from their text: a column is a number when every non-empty value is one,
 * else a boolean, an ISO date, an ISO date-time, else text. A number with a leading zero ({@code 02134})
 * is text: such columns are codes (postcodes, article numbers) whose zeros matter.
 */
final class CellTypes {

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private record Candidate(String type, Predicate<String> accepts, Function<String, Object> value) {
    }

    private static final List<Candidate> CANDIDATES = List.of(
            new Candidate("number", text -> NUMBER.matcher(text).matches(), BigDecimal::new),
            new Candidate("boolean", text -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"),
                    text -> Boolean.valueOf(text.toLowerCase(Locale.ROOT))),
            new Candidate("date", CellTypes::isDate, text -> LocalDate.parse(text).toString()),
            new Candidate("datetime", CellTypes::isDateTime, text -> text));

    private CellTypes() {
    }

    /** Types the columns and converts every cell; empty cells become null. */
    static Table typed(List<String> names, List<String[]> textRows) {
        List<Column> columns = new ArrayList<>();
        List<Function<String, Object>> converters = new ArrayList<>();
        for (int index = 0; index < names.size(); index++) {
            Candidate chosen = typeOf(textRows, index);
            columns.add(new Column(names.get(index), chosen == null ? "string" : chosen.type()));
            converters.add(chosen == null ? text -> text : chosen.value());
        }
        List<Object[]> rows = new ArrayList<>(textRows.size());
        for (String[] textRow : textRows) {
            Object[] row = new Object[names.size()];
            for (int index = 0; index < row.length; index++) {
                String text = textRow[index];
                row[index] = text == null || text.isBlank() ? null
                        : columns.get(index).type().equals("string") ? text : converters.get(index).apply(text.strip());
            }
            rows.add(row);
        }
        return new Table(columns, rows);
    }

    private static Candidate typeOf(List<String[]> textRows, int index) {
        boolean anyValue = false;
        List<Candidate> left = new ArrayList<>(CANDIDATES);
        for (String[] row : textRows) {
            String text = row[index];
            if (text == null || text.isBlank()) {
                continue;
            }
            anyValue = true;
            String value = text.strip();
            left.removeIf(candidate -> !candidate.accepts().test(value));
            if (left.isEmpty()) {
                return null;
            }
        }
        return anyValue ? left.get(0) : null;
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isDateTime(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            try {
                OffsetDateTime.parse(text);
                return true;
            } catch (DateTimeParseException notOffset) {
                return false;
            }
        }
    }
}
