package io.flexboard.agent.data.jdbc;

import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.PlaceholderSyntax;
import io.flexboard.agent.data.jdbc.SqlToken.Kind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * A widget's SQL with its placeholders turned into bound parameters, so that no value ever becomes SQL text.
 * {@code {name}} becomes {@code ?} (a list value {@code ?, ?, ?}); a literal holding placeholders, such as the
 * roadmap's {@code '{month}'} or {@code '%{q}%'}, becomes one {@code ?} bound to the literal's text with the
 * values filled in. Placeholders inside comments and quoted names are left as written.
 */
final class SqlTemplate {

    /** Text as written, a placeholder, or a literal built from text and placeholders. */
    private sealed interface Piece {
    }

    private record Text(String sql) implements Piece {
    }

    private record Placeholder(String name) implements Piece {
    }

    private record Literal(List<Piece> parts) implements Piece {
    }

    private final List<Piece> pieces;

    private SqlTemplate(List<Piece> pieces) {
        this.pieces = pieces;
    }

    /** Expects tokens the statement check has accepted: a semicolon, if any, is the last thing read. */
    static SqlTemplate parse(JdbcDialect dialect, String sql, List<SqlToken> tokens) throws ConnectorException {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (SqlToken token : tokens) {
            Piece piece = switch (token.kind()) {
                case PLACEHOLDER -> new Placeholder(token.text(sql).substring(1, token.text(sql).length() - 1));
                case STRING, ESCAPE_STRING, DOLLAR_STRING -> literal(dialect, sql, token);
                case QUESTION_MARK -> questionMark(dialect);
                // The trailing semicolon is dropped: a prepared statement is one statement.
                case SEMICOLON -> new Text("");
                default -> new Text(token.text(sql));
            };
            if (piece instanceof Text written) {
                text.append(written.sql());
            } else {
                pieces.add(new Text(text.toString()));
                text.setLength(0);
                pieces.add(piece);
            }
        }
        pieces.add(new Text(text.toString()));
        return new SqlTemplate(List.copyOf(pieces));
    }

    /** The placeholder names, in order of first use. */
    Set<String> parameterNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Piece piece : pieces) {
            if (piece instanceof Placeholder placeholder) {
                names.add(placeholder.name());
            } else if (piece instanceof Literal literal) {
                literal.parts().stream().filter(Placeholder.class::isInstance)
                        .forEach(part -> names.add(((Placeholder) part).name()));
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /**
     * The statement text and its values for these parameters.
     *
     * @throws ConnectorException REFUSED naming the first placeholder that has no value
     */
    BoundStatement bind(Map<String, Object> parameters) throws ConnectorException {
        StringBuilder sql = new StringBuilder();
        List<Object> values = new ArrayList<>();
        for (Piece piece : pieces) {
            if (piece instanceof Text text) {
                sql.append(text.sql());
            } else if (piece instanceof Placeholder placeholder) {
                Object value = valueOf(placeholder, parameters);
                if (value instanceof List<?> list) {
                    // A multiselect: IN ({region}) binds one parameter per element; none binds one NULL, matching nothing.
                    sql.append(list.isEmpty() ? "?" : String.join(", ", Collections.nCopies(list.size(), "?")));
                    if (list.isEmpty()) {
                        values.add(null);
                    }
                    list.forEach(element -> values.add(checked(element, placeholder.name())));
                } else {
                    sql.append('?');
                    values.add(checked(value, placeholder.name()));
                }
            } else {
                StringBuilder value = new StringBuilder();
                for (Piece part : ((Literal) piece).parts()) {
                    value.append(part instanceof Placeholder placeholder
                            ? asText(valueOf(placeholder, parameters), placeholder.name())
                            : ((Text) part).sql());
                }
                sql.append('?');
                values.add(value.toString());
            }
        }
        return new BoundStatement(sql.toString(), values);
    }

    private static Piece literal(JdbcDialect dialect, String sql, SqlToken token) throws ConnectorException {
        String body = token.body(sql);
        Matcher placeholders = PlaceholderSyntax.PLACEHOLDER.matcher(body);
        if (!placeholders.find()) {
            return new Text(token.text(sql));
        }
        if (token.kind() == Kind.ESCAPE_STRING || (dialect.isMySql() && body.indexOf('\\') >= 0)) {
            throw new ConnectorException(ConnectorException.Failure.REFUSED, "the literal " + shortened(token.text(sql))
                    + " holds a placeholder and a backslash escape; write it without backslashes");
        }
        if (token.kind() == Kind.STRING) {
            String quote = String.valueOf(sql.charAt(token.bodyStart() - 1));
            body = body.replace(quote + quote, quote);
            placeholders = PlaceholderSyntax.PLACEHOLDER.matcher(body);
            placeholders.find();
        }
        List<Piece> parts = new ArrayList<>();
        int written = 0;
        do {
            parts.add(new Text(body.substring(written, placeholders.start())));
            parts.add(new Placeholder(placeholders.group(1)));
            written = placeholders.end();
        } while (placeholders.find());
        parts.add(new Text(body.substring(written)));
        return new Literal(List.copyOf(parts));
    }

    private static Piece questionMark(JdbcDialect dialect) throws ConnectorException {
        if (dialect.isPostgreSql()) {
            // PostgreSQL's JSON operators (?, ?|, ?&): the driver reads ?? as a literal question mark.
            return new Text("??");
        }
        throw new ConnectorException(ConnectorException.Failure.REFUSED,
                "a bare ? is not a placeholder here; name the value as {field}");
    }

    private static Object valueOf(Placeholder placeholder, Map<String, Object> parameters) throws ConnectorException {
        Object value = parameters.get(placeholder.name());
        if (value == null) {
            throw new ConnectorException(ConnectorException.Failure.REFUSED,
                    "the query's placeholder {" + placeholder.name() + "} has no value");
        }
        return value;
    }

    private static Object checked(Object value, String name) {
        if (value instanceof String || value instanceof BigDecimal || value instanceof LocalDate) {
            return value;
        }
        throw new IllegalArgumentException("the value of {" + name + "} is a " + value.getClass().getSimpleName()
                + "; a placeholder takes a String, BigDecimal, LocalDate or a List of those");
    }

    private static String asText(Object value, String name) {
        if (value instanceof List<?> list) {
            return list.stream().map(element -> asText(element, name)).collect(Collectors.joining(","));
        }
        return checked(value, name) instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
