package io.flexboard.agent.data.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flexboard.agent.data.connector.ConnectorException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadOnlyStatementTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            POSTGRESQL | SELECT region, SUM(amount) FROM orders GROUP BY region
            POSTGRESQL | select * from orders;
            POSTGRESQL | WITH monthly AS (SELECT 1 AS n) SELECT n FROM monthly
            POSTGRESQL | ((SELECT 1))
            POSTGRESQL | SELECT 'delete' AS word
            POSTGRESQL | SELECT 1 AS n -- DROP TABLE orders
            POSTGRESQL | SELECT /* DELETE FROM orders */ 1
            POSTGRESQL | SELECT /* nested /* DELETE */ still comment */ 1
            POSTGRESQL | SELECT $$DELETE FROM orders$$ AS text
            POSTGRESQL | SELECT $body$ it's DROP $body$ AS text
            POSTGRESQL | SELECT E'it\\'s DELETE' AS text
            POSTGRESQL | SELECT "update" FROM orders
            POSTGRESQL | SELECT REPLACE(region, 'N', 'S') FROM orders
            POSTGRESQL | SELECT data ? 'key' FROM docs
            POSTGRESQL | SELECT id FROM orders FOR XML
            SQLSERVER  | SELECT TOP 10 FORMAT(GETDATE(), 'yyyy-MM') AS month FROM orders
            SQLSERVER  | WITH cte AS (SELECT DATEADD(month, -1, GETDATE()) AS d) SELECT d FROM cte
            SQLSERVER  | SELECT [delete], [x]]drop] FROM [orders] WITH (NOLOCK)
            SQLSERVER  | SELECT N'DROP TABLE' AS t
            SQLSERVER  | SELECT {fn NOW()} AS now, {d '2024-01-01'} AS d
            MYSQL      | SELECT `delete` FROM orders LIMIT 10
            MYSQL      | SELECT "drop table" AS t # DELETE
            MYSQL      | SELECT 1 FROM orders USE INDEX (primary)
            MYSQL      | SELECT 'it''s', "say ""hi""\" AS t
            MYSQL      | SELECT 5--1 AS n
            """)
    void a_single_read_only_select_is_accepted(JdbcDialect dialect, String sql) {
        assertThatCode(() -> check(dialect, sql)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            POSTGRESQL | DELETE FROM orders                                              | DELETE
            POSTGRESQL | SELECT 1; DROP TABLE orders                                     | a second statement: DROP
            POSTGRESQL | SELECT 1;;                                                      | a second statement: ';'
            POSTGRESQL | WITH d AS (DELETE FROM orders RETURNING *) SELECT * FROM d      | DELETE
            POSTGRESQL | SELECT * INTO copy FROM orders                                  | INTO
            POSTGRESQL | SELECT * FROM orders FOR UPDATE                                 | FOR UPDATE
            POSTGRESQL | SELECT * FROM orders FOR KEY SHARE                              | FOR KEY SHARE
            POSTGRESQL | SELECT set_config('default_transaction_read_only', 'off', false) | SET_CONFIG
            POSTGRESQL | /* SELECT */ DELETE FROM orders                                 | DELETE
            POSTGRESQL | SELECT 1 /* a /* nested */ comment ends here: */ ; DELETE FROM orders | a second statement: DELETE
            POSTGRESQL | VALUES (1)                                                      | VALUES
            POSTGRESQL | ~~                                                              | nothing
            POSTGRESQL | ( )                                                             | ')'
            POSTGRESQL | -- just a comment                                               | nothing
            SQLSERVER  | SELECT * INTO #copy FROM orders                                 | INTO
            SQLSERVER  | EXEC sp_who                                                     | EXEC
            SQLSERVER  | SELECT 1 WAITFOR DELAY '00:00:05'                               | WAITFOR
            SQLSERVER  | SELECT * FROM OPENROWSET('SQLNCLI', 'x', 'SELECT 1')            | OPENROWSET
            SQLSERVER  | SELECT * FROM orders WITH (UPDLOCK)                             | UPDLOCK
            SQLSERVER  | SELECT {call drop_all()}                                        | CALL
            SQLSERVER  | SELECT 1 /* /* */ DELETE FROM orders */ ; TRUNCATE TABLE orders | a second statement: TRUNCATE
            MYSQL      | SELECT * FROM orders INTO OUTFILE '/tmp/x'                      | INTO
            MYSQL      | SELECT * FROM orders LOCK IN SHARE MODE                         | LOCK
            MYSQL      | REPLACE INTO orders VALUES (1)                                  | REPLACE
            MYSQL      | SELECT 1 /* ; */ ; DELETE FROM orders                           | a second statement: DELETE
            MYSQL      | SELECT 1 --\\n; DELETE FROM orders                               | a second statement: DELETE
            """)
    void anything_else_is_refused_naming_what_was_found(JdbcDialect dialect, String sql, String found) {
        ConnectorException refusal = catchThrowableOfType(ConnectorException.class,
                () -> check(dialect, sql.replace("\\n", "\n")));

        assertThat(refusal.failure()).isEqualTo(ConnectorException.Failure.REFUSED);
        assertThat(refusal).hasMessage("only one read-only SELECT or WITH statement is run; found " + found);
    }

    @Test
    void a_mysql_executable_comment_is_refused_because_the_server_runs_its_text() {
        ConnectorException refusal = catchThrowableOfType(ConnectorException.class,
                () -> check(JdbcDialect.MYSQL, "SELECT 1 /*! ; DELETE FROM orders */"));

        assertThat(refusal.failure()).isEqualTo(ConnectorException.Failure.REFUSED);
        assertThat(refusal).hasMessageContaining("/*! … */");
    }

    @Test
    void a_mysql_literal_whose_end_depends_on_the_sql_mode_is_refused() {
        // Default mode: one literal "\' ; DELETE …". NO_BACKSLASH_ESCAPES: the literal ends at \' and DELETE runs.
        ConnectorException refusal = catchThrowableOfType(ConnectorException.class,
                () -> check(JdbcDialect.MYSQL, "SELECT 'a\\' ; DELETE FROM orders; -- '"));

        assertThat(refusal.failure()).isEqualTo(ConnectorException.Failure.REFUSED);
        assertThat(refusal).hasMessageContaining("backslash before a quote");
    }

    @Test
    void a_literal_or_comment_that_never_ends_is_refused_rather_than_guessed() {
        for (String sql : new String[] {"SELECT 'open", "SELECT /* open", "SELECT \"open", "SELECT $$open"}) {
            ConnectorException refusal = catchThrowableOfType(ConnectorException.class,
                    () -> check(JdbcDialect.POSTGRESQL, sql));

            assertThat(refusal.failure()).as(sql).isEqualTo(ConnectorException.Failure.REFUSED);
            assertThat(refusal).as(sql).hasMessageStartingWith("the statement cannot be read:").hasMessageContaining("never closed");
        }
    }

    @Test
    void a_huge_statement_is_read_in_linear_time() {
        String sql = "SELECT " + "'x', /* c */ \"y\", ".repeat(100_000) + "1";
        long started = System.nanoTime();

        assertThatCode(() -> check(JdbcDialect.POSTGRESQL, sql)).doesNotThrowAnyException();

        assertThat((System.nanoTime() - started) / 1_000_000).as("ms for %d chars", sql.length()).isLessThan(2_000);
    }

    private static void check(JdbcDialect dialect, String sql) throws ConnectorException {
        ReadOnlyStatement.check(sql, SqlLexer.lex(dialect, sql));
    }
}
