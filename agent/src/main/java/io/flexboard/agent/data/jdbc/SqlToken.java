package io.flexboard.agent.data.jdbc;

/**
 * One lexical unit of a statement, as positions into its text.
 *
 * @param bodyStart for literals and quoted names, where the text between the quotes starts (else {@code start})
 * @param bodyEnd   where it ends (else {@code end})
 */
record SqlToken(Kind kind, int start, int end, int bodyStart, int bodyEnd) {

    /** The kinds the statement check and the placeholder binding tell apart. */
    enum Kind {
        /** An unquoted name or keyword. */
        WORD,
        NUMBER,
        /** {@code "name"}, {@code [name]}, {@code `name`}: never a keyword, never holds a placeholder. */
        QUOTED_NAME,
        /** {@code '…'}, {@code N'…'}, and MySQL's {@code "…"}: doubled quotes escape a quote. */
        STRING,
        /** PostgreSQL's {@code E'…'}: backslashes escape. */
        ESCAPE_STRING,
        /** PostgreSQL's {@code $tag$…$tag$}: no escapes at all. */
        DOLLAR_STRING,
        COMMENT,
        SPACE,
        /** {@code {name}} or {@code {name.from}}. */
        PLACEHOLDER,
        QUESTION_MARK,
        SEMICOLON,
        /** Any other single character: operators, parentheses, commas, ODBC escape braces. */
        SYMBOL
    }

    static SqlToken of(Kind kind, int start, int end) {
        return new SqlToken(kind, start, end, start, end);
    }

    String text(String sql) {
        return sql.substring(start, end);
    }

    String body(String sql) {
        return sql.substring(bodyStart, bodyEnd);
    }

    /** Whether the server reads it as part of the statement (comments and spaces are not). */
    boolean significant() {
        return kind != Kind.COMMENT && kind != Kind.SPACE;
    }

    boolean isLiteral() {
        return kind == Kind.STRING || kind == Kind.ESCAPE_STRING || kind == Kind.DOLLAR_STRING;
    }
}
