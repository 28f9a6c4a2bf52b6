package io.flexboard.agent.data.jdbc;

import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.jdbc.SqlToken.Kind;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The first of the read-only defences, run before anything reaches the database: exactly one statement that
 * starts with SELECT or WITH and names no keyword that changes data, defines objects, runs procedures, writes
 * files or takes locks. Keywords inside literals, comments and quoted names do not count. The read-only
 * connection behind it catches what a keyword list cannot know (a function that writes).
 */
final class ReadOnlyStatement {

    private static final Set<String> FORBIDDEN = Set.of(
            "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "UPSERT",
            "DROP", "ALTER", "CREATE", "TRUNCATE", "RENAME",
            "GRANT", "REVOKE", "DENY",
            "EXEC", "EXECUTE", "CALL", "DO", "SET", "DECLARE", "USE",
            "LOCK", "UNLOCK", "COPY", "LOAD", "HANDLER",
            // SELECT … INTO makes a table (T-SQL, PostgreSQL) or writes a file (MySQL).
            "INTO", "OUTFILE", "DUMPFILE",
            "SHUTDOWN", "KILL", "BACKUP", "RESTORE", "DBCC",
            "OPENROWSET", "OPENDATASOURCE", "OPENQUERY", "OPENXML", "BULK", "WAITFOR",
            // T-SQL table hints that take locks a dashboard has no business holding.
            "UPDLOCK", "XLOCK", "TABLOCK", "TABLOCKX", "HOLDLOCK",
            // PostgreSQL: would switch the pooled session's default back to read-write for later reads.
            "SET_CONFIG");

    /** Locking reads: FOR UPDATE, FOR SHARE, FOR NO KEY UPDATE, FOR KEY SHARE. */
    private static final Set<String> LOCKING_AFTER_FOR = Set.of("UPDATE", "SHARE", "NO", "KEY");

    /** REPLACE(text, from, to) and MySQL's INSERT(text, at, length, new) are string functions, not statements. */
    private static final Set<String> ALSO_FUNCTIONS = Set.of("REPLACE", "INSERT");

    private ReadOnlyStatement() {
    }

    static void check(String sql, List<SqlToken> tokens) throws ConnectorException {
        List<SqlToken> significant = tokens.stream().filter(SqlToken::significant).toList();
        int first = 0;
        while (first < significant.size() && significant.get(first).text(sql).equals("(")) {
            first++;
        }
        if (first == significant.size()) {
            throw refusal(significant.isEmpty() ? "nothing" : "only parentheses");
        }
        String opening = word(sql, significant.get(first));
        if (!opening.equals("SELECT") && !opening.equals("WITH")) {
            throw refusal(describe(sql, significant.get(first)));
        }
        for (int index = first; index < significant.size(); index++) {
            SqlToken token = significant.get(index);
            if (token.kind() == Kind.SEMICOLON && index + 1 < significant.size()) {
                throw refusal("a second statement: " + describe(sql, significant.get(index + 1)));
            }
            String word = word(sql, token);
            String following = index + 1 < significant.size() ? word(sql, significant.get(index + 1)) : "";
            if (word.equals("FOR") && LOCKING_AFTER_FOR.contains(following)) {
                throw refusal(lockingClause(sql, significant, index));
            }
            boolean functionCall = ALSO_FUNCTIONS.contains(word) && index + 1 < significant.size()
                    && significant.get(index + 1).text(sql).equals("(");
            // MySQL index hints (USE INDEX, USE KEY) only steer the planner.
            boolean indexHint = word.equals("USE") && (following.equals("INDEX") || following.equals("KEY"));
            if (FORBIDDEN.contains(word) && !functionCall && !indexHint) {
                throw refusal(word);
            }
        }
    }

    /** FOR UPDATE, FOR SHARE, FOR NO KEY UPDATE, FOR KEY SHARE: the words up to UPDATE or SHARE. */
    private static String lockingClause(String sql, List<SqlToken> significant, int forIndex) {
        StringBuilder clause = new StringBuilder("FOR");
        for (int index = forIndex + 1; index < significant.size() && index <= forIndex + 3; index++) {
            String word = word(sql, significant.get(index));
            clause.append(' ').append(word);
            if (word.equals("UPDATE") || word.equals("SHARE")) {
                break;
            }
        }
        return clause.toString();
    }

    private static String word(String sql, SqlToken token) {
        return token.kind() == Kind.WORD ? token.text(sql).toUpperCase(Locale.ROOT) : "";
    }

    private static String describe(String sql, SqlToken token) {
        String text = token.text(sql);
        return token.kind() == Kind.WORD ? text.toUpperCase(Locale.ROOT)
                : "'" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'";
    }

    private static ConnectorException refusal(String found) {
        return new ConnectorException(ConnectorException.Failure.REFUSED,
                "only one read-only SELECT or WITH statement is run; found " + found);
    }
}
