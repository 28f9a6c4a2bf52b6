package io.flexboard.infra.deploy;

import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names a PromQL expression reads: identifiers that are neither functions, aggregation
 * operators, keywords nor label names (inside {@code {…}}, or the list after {@code by},
 * {@code without}, {@code on}, {@code ignoring}, {@code group_left}, {@code group_right}).
 * Strings, range and subquery brackets, numbers, durations and Grafana variables are skipped.
 */
final class PromQl {

    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan");

    private PromQl() {
    }

    static Set<String> metricNames(String expr) {
        Set<String> names = new TreeSet<>();
        boolean labelListFollows = false;
        int i = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = afterString(expr, i);
            } else if (c == '{') {
                i = after(expr, i, '}');
            } else if (c == '[') {
                i = after(expr, i, ']');
            } else if (c == '#') {
                int end = expr.indexOf('\n', i);
                i = end < 0 ? expr.length() : end;
            } else if (c == '(' && labelListFollows) {
                i = after(expr, i, ')');
                labelListFollows = false;
            } else if (c == '$') {
                i = whileWord(expr, i + 1);
            } else if (Character.isDigit(c) || c == '.') {
                i = whileWord(expr, i + 1);
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int end = whileWord(expr, i);
                String word = expr.substring(i, end);
                i = end;
                if (LABEL_LISTS.contains(word)) {
                    labelListFollows = true;
                } else if (!KEYWORDS.contains(word.toLowerCase()) && !AGGREGATIONS.contains(word) && nextNonSpace(expr, end) != '(') {
                    names.add(word);
                }
            } else {
                i++;
            }
        }
        return names;
    }

    private static int whileWord(String expr, int i) {
        while (i < expr.length() && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_' || expr.charAt(i) == ':'
                || expr.charAt(i) == '.')) {
            i++;
        }
        return i;
    }

    private static char nextNonSpace(String expr, int i) {
        while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
            i++;
        }
        return i < expr.length() ? expr.charAt(i) : 0;
    }

    private static int afterString(String expr, int start) {
        char quote = expr.charAt(start);
        int i = start + 1;
        while (i < expr.length() && expr.charAt(i) != quote) {
            i += expr.charAt(i) == '\\' && quote != '`' ? 2 : 1;
        }
        return i + 1;
    }

    /** After the closing character, skipping strings inside (a label value may contain it). */
    private static int after(String expr, int start, char close) {
        int i = start + 1;
        while (i < expr.length() && expr.charAt(i) != close) {
            char c = expr.charAt(i);
            i = c == '"' || c == '\'' || c == '`' ? afterString(expr, i) : i + 1;
        }
        return i + 1;
    }
}
