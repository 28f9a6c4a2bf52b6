package io.flexboard.agent.data.widget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Turns the request's query parameters into placeholder values. Each filter reads its own parameter
 * ({@code ?region=North}); without one, the filter's {@code default} applies:
 * <ul>
 *   <li>select — one value, {@code {field}}; one of {@code options} when they are listed;</li>
 *   <li>multiselect — the parameter repeated ({@code ?region=North&region=South}), {@code {field}} is the list;</li>
 *   <li>range — {@code from..to} numbers, {@code {field.from}} and {@code {field.to}};</li>
 *   <li>date — {@code 2026-01-01..2026-03-31}, one day {@code 2026-01-31}, or a preset ({@link #PRESETS}),
 *       {@code {field.from}} and {@code {field.to}} as dates.</li>
 * </ul>
 * A drilldown also reads the clicked point's fields, each one value. Any other parameter is refused: a typo
 * in a filter name would otherwise silently show unfiltered rows.
 */
final class FilterValues {

    static final List<String> PRESETS = List.of("today", "yesterday", "last_7_days", "last_30_days", "last_90_days",
            "last_12_months", "this_month", "this_year", "last_year");
    private static final int MAX_VALUE_LENGTH = 500;
    private static final int MAX_VALUES = 100;

    private FilterValues() {
    }

    /**
     * @param text            the query, endpoint or file text that will run (its placeholders must all get a value)
     * @param request         the request's query parameters, decoded
     * @param drilldownFields the clicked point's fields a drilldown takes; empty for the widget's own rows
     * @param today           the agent's date, for presets
     */
    static Map<String, Object> resolve(WidgetDefinition widget, String text, Map<String, List<String>> request,
                                       Set<String> drilldownFields, LocalDate today) throws WidgetDataException {
        Map<String, Filter> filters = widget.filters().stream()
                .collect(Collectors.toMap(Filter::field, filter -> filter, (a, b) -> a, LinkedHashMap::new));
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> parameter : request.entrySet()) {
            String name = parameter.getKey();
            for (String value : parameter.getValue()) {
                check(widget, name, value);
            }
            Filter filter = filters.get(name);
            if (filter != null) {
                read(widget, filter, parameter.getValue(), today, values);
            } else if (drilldownFields.contains(name)) {
                values.put(name, single(widget, name, parameter.getValue()));
            } else {
                throw bad(widget, "unknown parameter '" + name + "': this widget takes "
                        + describe(filters.keySet(), drilldownFields));
            }
        }
        for (Filter filter : filters.values()) {
            if (!request.containsKey(filter.field()) && !filter.defaultValue().isMissingNode() && !filter.defaultValue().isNull()) {
                read(widget, filter, defaults(filter.defaultValue()), today, values);
            }
        }
        for (String placeholder : Placeholders.in(text)) {
            if (!values.containsKey(placeholder)) {
                missing(widget, placeholder, filters, drilldownFields);
            }
        }
        return values;
    }

    private static void read(WidgetDefinition widget, Filter filter, List<String> raw, LocalDate today,
                             Map<String, Object> values) throws WidgetDataException {
        String field = filter.field();
        switch (filter.type()) {
            case SELECT -> values.put(field, option(widget, filter, single(widget, field, raw)));
            case MULTISELECT -> {
                if (raw.size() > MAX_VALUES) {
                    throw bad(widget, field + ": at most " + MAX_VALUES + " values, got " + raw.size());
                }
                List<String> chosen = new ArrayList<>();
                for (String value : raw) {
                    chosen.add(option(widget, filter, value));
                }
                values.put(field, List.copyOf(chosen));
            }
            case RANGE -> {
                String[] bounds = bounds(widget, field, single(widget, field, raw), "a range such as 10..100");
                values.put(field + ".from", number(widget, field, bounds[0]));
                values.put(field + ".to", number(widget, field, bounds[1]));
            }
            case DATE -> {
                LocalDate[] range = dates(widget, field, single(widget, field, raw), today);
                values.put(field + ".from", range[0]);
                values.put(field + ".to", range[1]);
            }
        }
    }

    private static LocalDate[] dates(WidgetDefinition widget, String field, String value, LocalDate today)
            throws WidgetDataException {
        LocalDate[] preset = switch (value) {
            case "today" -> new LocalDate[] {today, today};
            case "yesterday" -> new LocalDate[] {today.minusDays(1), today.minusDays(1)};
            case "last_7_days" -> new LocalDate[] {today.minusDays(6), today};
            case "last_30_days" -> new LocalDate[] {today.minusDays(29), today};
            case "last_90_days" -> new LocalDate[] {today.minusDays(89), today};
            case "last_12_months" -> new LocalDate[] {today.minusMonths(12).plusDays(1), today};
            case "this_month" -> new LocalDate[] {today.withDayOfMonth(1), today};
            case "this_year" -> new LocalDate[] {today.withDayOfYear(1), today};
            case "last_year" -> new LocalDate[] {today.minusYears(1).withDayOfYear(1),
                    today.minusYears(1).with(TemporalAdjusters.lastDayOfYear())};
            default -> null;
        };
        if (preset != null) {
            return preset;
        }
        String[] bounds = value.contains("..") ? bounds(widget, field, value, "") : new String[] {value, value};
        try {
            LocalDate from = LocalDate.parse(bounds[0]);
            LocalDate to = LocalDate.parse(bounds[1]);
            if (to.isBefore(from)) {
                throw bad(widget, field + ": the range ends before it starts ('" + value + "')");
            }
            return new LocalDate[] {from, to};
        } catch (DateTimeParseException e) {
            throw bad(widget, field + ": must be a date (2026-01-31), a range (2026-01-01..2026-03-31) or one of "
                    + String.join(", ", PRESETS) + ", got '" + value + "'");
        }
    }

    private static String[] bounds(WidgetDefinition widget, String field, String value, String example)
            throws WidgetDataException {
        int separator = value.indexOf("..");
        if (separator <= 0 || separator + 2 >= value.length() || value.indexOf("..", separator + 2) >= 0) {
            throw bad(widget, field + ": must be " + (example.isEmpty() ? "from..to" : example) + ", got '" + value + "'");
        }
        return new String[] {value.substring(0, separator), value.substring(separator + 2)};
    }

    private static BigDecimal number(WidgetDefinition widget, String field, String value) throws WidgetDataException {
        try {
            // Bounded length already; a plain decimal only (no exponent: 1e999999999 is not a range bound).
            if (!value.matches("-?\\d{1,30}(\\.\\d{1,30})?")) {
                throw new NumberFormatException();
            }
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw bad(widget, field + ": '" + value + "' is not a number");
        }
    }

    private static String option(WidgetDefinition widget, Filter filter, String value) throws WidgetDataException {
        if (!filter.options().isEmpty() && !filter.options().contains(value)) {
            throw bad(widget, filter.field() + ": '" + value + "' is not one of " + String.join(", ", filter.options()));
        }
        return value;
    }

    private static String single(WidgetDefinition widget, String field, List<String> raw) throws WidgetDataException {
        if (raw.size() != 1) {
            throw bad(widget, field + ": takes one value, got " + raw.size());
        }
        return raw.get(0);
    }

    private static void check(WidgetDefinition widget, String name, String value) throws WidgetDataException {
        if (value.length() > MAX_VALUE_LENGTH) {
            throw bad(widget, name + ": at most " + MAX_VALUE_LENGTH + " characters, got " + value.length());
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw bad(widget, name + ": control characters are not allowed");
        }
    }

    private static List<String> defaults(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> values.add(element.asString()));
        } else {
            values.add(node.asString());
        }
        return values;
    }

    private static void missing(WidgetDefinition widget, String placeholder, Map<String, Filter> filters,
                                Set<String> drilldownFields) throws WidgetDataException {
        String field = placeholder.contains(".") ? placeholder.substring(0, placeholder.indexOf('.')) : placeholder;
        if (filters.containsKey(field) || drilldownFields.contains(placeholder)) {
            throw bad(widget, placeholder + ": needs a value: send ?" + field + "=… (the filter has no default)");
        }
        throw new WidgetDataException(WidgetDataException.Reason.REFUSED, widget.key(), widget.connection().orElse(null),
                "widget '" + widget.key() + "': the query uses {" + placeholder + "} but no filter is named '" + field + "'");
    }

    private static String describe(Set<String> filters, Set<String> drilldownFields) {
        if (filters.isEmpty() && drilldownFields.isEmpty()) {
            return "no parameters";
        }
        List<String> names = new ArrayList<>(filters);
        names.addAll(drilldownFields);
        return String.join(", ", names);
    }

    private static WidgetDataException bad(WidgetDefinition widget, String message) {
        return new WidgetDataException(WidgetDataException.Reason.BAD_FILTER, widget.key(), null,
                "widget '" + widget.key() + "': " + message);
    }
}
