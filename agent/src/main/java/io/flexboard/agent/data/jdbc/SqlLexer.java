package io.flexboard.agent.data.jdbc;

import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.PlaceholderSyntax;
import io.flexboard.agent.data.jdbc.SqlToken.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Splits a statement into tokens with its dialect's rules. It is exact where a mistake would hide text from
 * the statement check (where literals, quoted names and comments end) and coarse elsewhere: a word glued to
 * digits is read as two tokens, which can only make the check see more, never less.
 */
final class SqlLexer {

    /** A placeholder: {@code {name}} or {@code {name.part}}; ODBC escapes ({@code {fn …}}, {@code {d '…'}}) never match. */

    private final JdbcDialect dialect;
    private final String sql;
    private final boolean backslashEscapes;
    private final Matcher placeholder;

    private SqlLexer(JdbcDialect dialect, String sql, boolean backslashEscapes) {
        this.dialect = dialect;
        this.sql = sql;
        this.backslashEscapes = backslashEscapes;
        this.placeholder = PlaceholderSyntax.PLACEHOLDER.matcher(sql);
    }

    static List<SqlToken> lex(JdbcDialect dialect, String sql) throws ConnectorException {
        List<SqlToken> tokens = new SqlLexer(dialect, sql, dialect.isMySql()).tokens();
        // MySQL reads \' inside a literal as a quote unless the server runs with NO_BACKSLASH_ESCAPES, which
        // the agent cannot see in advance: a statement is accepted only if both readings end every literal
        // at the same place.
        if (dialect.isMySql() && !sameWithoutBackslashEscapes(dialect, sql, tokens)) {
            throw refused("a backslash before a quote inside a literal reads differently depending on the server's"
                    + " sql_mode; write a quote inside a literal as ''");
        }
        return tokens;
    }

    private static boolean sameWithoutBackslashEscapes(JdbcDialect dialect, String sql, List<SqlToken> tokens) {
        try {
            return tokens.equals(new SqlLexer(dialect, sql, false).tokens());
        } catch (ConnectorException unterminatedThatWay) {
            return false;
        }
    }

    private List<SqlToken> tokens() throws ConnectorException {
        List<SqlToken> tokens = new ArrayList<>();
        int position = 0;
        while (position < sql.length()) {
            SqlToken token = next(position);
            tokens.add(token);
            position = token.end();
        }
        return tokens;
    }

    private SqlToken next(int at) throws ConnectorException {
        char c = sql.charAt(at);
        if (Character.isWhitespace(c)) {
            int end = at;
            while (end < sql.length() && Character.isWhitespace(sql.charAt(end))) {
                end++;
            }
            return SqlToken.of(Kind.SPACE, at, end);
        }
        if (startsLineComment(at)) {
            int end = at;
            while (end < sql.length() && sql.charAt(end) != '\n' && sql.charAt(end) != '\r') {
                end++;
            }
            return SqlToken.of(Kind.COMMENT, at, end);
        }
        if (c == '/' && charAt(at + 1) == '*') {
            return blockComment(at);
        }
        if (c == '\'') {
            return quoted(Kind.STRING, at, at, '\'', backslashEscapes);
        }
        if (c == '"') {
            // In MySQL "…" is a string (unless ANSI_QUOTES); both readings end it at the same quote.
            return dialect.isMySql()
                    ? quoted(Kind.STRING, at, at, '"', backslashEscapes)
                    : quoted(Kind.QUOTED_NAME, at, at, '"', false);
        }
        if (c == '`' && dialect.isMySql()) {
            return quoted(Kind.QUOTED_NAME, at, at, '`', false);
        }
        if (c == '[' && dialect.isSqlServer()) {
            return quoted(Kind.QUOTED_NAME, at, at, ']', false);
        }
        if (c == '$' && dialect.isPostgreSql()) {
            SqlToken dollar = dollarString(at);
            if (dollar != null) {
                return dollar;
            }
        }
        if (Character.isLetter(c) || c == '_') {
            return wordOrPrefixedString(at);
        }
        if (c >= '0' && c <= '9') {
            int end = at;
            while (end < sql.length() && sql.charAt(end) >= '0' && sql.charAt(end) <= '9') {
                end++;
            }
            return SqlToken.of(Kind.NUMBER, at, end);
        }
        if (c == '{' && placeholder.region(at, sql.length()).lookingAt()) {
            return SqlToken.of(Kind.PLACEHOLDER, at, placeholder.end());
        }
        return SqlToken.of(c == '?' ? Kind.QUESTION_MARK : c == ';' ? Kind.SEMICOLON : Kind.SYMBOL, at, at + 1);
    }

    private boolean startsLineComment(int at) {
        char c = sql.charAt(at);
        if (dialect.isMySql() && c == '#') {
            return true;
        }
        if (c != '-' || charAt(at + 1) != '-') {
            return false;
        }
        // MySQL: "--" starts a comment only before a space or a control character; "1--1" is arithmetic.
        return !dialect.isMySql() || at + 2 >= sql.length() || charAt(at + 2) <= ' ';
    }

    private SqlToken blockComment(int at) throws ConnectorException {
        if (dialect.isMySql() && (charAt(at + 2) == '!' || (charAt(at + 2) == 'M' && charAt(at + 3) == '!'))) {
            throw refused("MySQL runs the text of a /*! … */ comment; such comments are not accepted");
        }
        int depth = 0;
        int position = at;
        while (position < sql.length()) {
            if (sql.startsWith("/*", position) && (depth == 0 || dialect.nestsBlockComments())) {
                depth++;
                position += 2;
            } else if (sql.startsWith("*/", position)) {
                depth--;
                position += 2;
                if (depth == 0) {
                    return SqlToken.of(Kind.COMMENT, at, position);
                }
            } else {
                position++;
            }
        }
        throw refused("a /* comment is never closed");
    }

    /** A literal or quoted name from its opening quote at {@code quoteAt}; {@code close} doubled escapes itself. */
    private SqlToken quoted(Kind kind, int start, int quoteAt, char close, boolean backslash) throws ConnectorException {
        int position = quoteAt + 1;
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (backslash && c == '\\') {
                position += 2;
            } else if (c == close && charAt(position + 1) == close) {
                position += 2;
            } else if (c == close) {
                return new SqlToken(kind, start, position + 1, quoteAt + 1, position);
            } else {
                position++;
            }
        }
        throw refused(kind == Kind.QUOTED_NAME ? "a quoted name is never closed" : "a string literal is never closed");
    }

    /** {@code $tag$…$tag$}; null when the dollar sign starts no such string ({@code $1}, a lone {@code $}). */
    private SqlToken dollarString(int at) throws ConnectorException {
        int tagEnd = at + 1;
        if (tagEnd < sql.length() && (Character.isLetter(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) {
            while (tagEnd < sql.length() && (Character.isLetterOrDigit(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) {
                tagEnd++;
            }
        }
        if (charAt(tagEnd) != '$') {
            return null;
        }
        String tag = sql.substring(at, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        if (close < 0) {
            throw refused("a " + tag + " string is never closed");
        }
        return new SqlToken(Kind.DOLLAR_STRING, at, close + tag.length(), tagEnd + 1, close);
    }

    private SqlToken wordOrPrefixedString(int at) throws ConnectorException {
        int end = at;
        while (end < sql.length() && isWordPart(sql.charAt(end))) {
            end++;
        }
        if (charAt(end) == '\'') {
            String prefix = sql.substring(at, end);
            if (dialect.isPostgreSql() && prefix.equalsIgnoreCase("e")) {
                return quoted(Kind.ESCAPE_STRING, at, end, '\'', true);
            }
            // N'…' (national text) and MySQL's charset introducers (_utf8mb4'…') belong to their literal, so
            // a literal replaced by a bound value takes its prefix with it.
            if (prefix.equalsIgnoreCase("n") || (dialect.isMySql() && prefix.startsWith("_"))) {
                return quoted(Kind.STRING, at, end, '\'', backslashEscapes);
            }
        }
        return SqlToken.of(Kind.WORD, at, end);
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private char charAt(int index) {
        return index < sql.length() ? sql.charAt(index) : '\0';
    }

    private static ConnectorException refused(String why) {
        return new ConnectorException(ConnectorException.Failure.REFUSED, "the statement cannot be read: " + why);
    }
}
