package io.flexboard.agent.data.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flexboard.agent.data.connector.ConnectorException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SqlTemplateTest {

    @Test
    void a_placeholder_becomes_a_bound_parameter_and_the_value_never_enters_the_text() throws ConnectorException {
        BoundStatement bound = bind(JdbcDialect.POSTGRESQL, "SELECT * FROM orders WHERE region = {region} AND amount > {min}",
                Map.of("region", "x' OR '1'='1", "min", new BigDecimal("10.5")));

        assertThat(bound.sql()).isEqualTo("SELECT * FROM orders WHERE region = ? AND amount > ?");
        assertThat(bound.values()).containsExactly("x' OR '1'='1", new BigDecimal("10.5"));
    }

    @Test
    void a_quoted_placeholder_as_the_roadmap_writes_it_becomes_one_parameter_holding_the_literal_text() throws ConnectorException {
        BoundStatement bound = bind(JdbcDialect.SQLSERVER,
                "SELECT * FROM orders WHERE FORMAT(d, 'yyyy-MM') = '{month}' AND name LIKE N'%{q}%'",
                Map.of("month", "2024-03", "q", "it's"));

        assertThat(bound.sql()).isEqualTo("SELECT * FROM orders WHERE FORMAT(d, 'yyyy-MM') = ? AND name LIKE ?");
        assertThat(bound.values()).containsExactly("2024-03", "%it's%");
    }

    @Test
    void a_literal_keeps_its_doubled_quotes_as_one_quote_in_the_bound_text() throws ConnectorException {
        BoundStatement bound = bind(JdbcDialect.MYSQL, "SELECT 'it''s {who}', \"{n}\" AS t", Map.of("who", "me", "n", BigDecimal.TEN));

        assertThat(bound.sql()).isEqualTo("SELECT ?, ? AS t");
        assertThat(bound.values()).containsExactly("it's me", "10");
    }

    @Test
    void a_multiselect_expands_to_one_parameter_per_element_and_an_empty_one_binds_null() throws ConnectorException {
        String sql = "SELECT * FROM orders WHERE region IN ({region})";

        assertThat(bind(JdbcDialect.MYSQL, sql, Map.of("region", List.of("North", "South", "East"))))
                .isEqualTo(new BoundStatement("SELECT * FROM orders WHERE region IN (?, ?, ?)", List.of("North", "South", "East")));
        assertThat(bind(JdbcDialect.MYSQL, sql, Map.of("region", List.of())))
                .isEqualTo(new BoundStatement("SELECT * FROM orders WHERE region IN (?)", Arrays.asList((Object) null)));
    }

    @Test
    void a_range_placeholder_names_its_end_and_a_date_is_bound_as_a_date() throws ConnectorException {
        LocalDate from = LocalDate.of(2024, 1, 1);
        BoundStatement bound = bind(JdbcDialect.POSTGRESQL, "SELECT 1 WHERE d BETWEEN {date_range.from} AND {date_range.to}",
                Map.of("date_range.from", from, "date_range.to", from.plusDays(30)));

        assertThat(bound.sql()).isEqualTo("SELECT 1 WHERE d BETWEEN ? AND ?");
        assertThat(bound.values()).containsExactly(from, from.plusDays(30));
    }

    @Test
    void placeholders_in_comments_quoted_names_and_odbc_escapes_are_left_as_written() throws ConnectorException {
        String sql = "SELECT \"{a}\", {fn UCASE(x)}, {d '2024-01-01'} /* {b} */ FROM t -- {c}";

        BoundStatement bound = bind(JdbcDialect.POSTGRESQL, sql, Map.of());

        assertThat(bound.sql()).isEqualTo(sql);
        assertThat(bound.values()).isEmpty();
    }

    @Test
    void a_trailing_semicolon_is_dropped_and_a_postgresql_question_mark_operator_is_escaped_for_the_driver() throws ConnectorException {
        BoundStatement bound = bind(JdbcDialect.POSTGRESQL, "SELECT data ? 'k', data ?| array['a'] FROM docs WHERE id = {id};",
                Map.of("id", "7"));

        assertThat(bound.sql()).isEqualTo("SELECT data ?? 'k', data ??| array['a'] FROM docs WHERE id = ?");
    }

    @Test
    void a_dollar_quoted_literal_with_a_placeholder_is_bound_as_its_raw_text() throws ConnectorException {
        BoundStatement bound = bind(JdbcDialect.POSTGRESQL, "SELECT $q$it's {x}$q$", Map.of("x", "1"));

        assertThat(bound.sql()).isEqualTo("SELECT ?");
        assertThat(bound.values()).containsExactly("it's 1");
    }

    @Test
    void the_parameter_names_are_listed_in_order_of_first_use() throws ConnectorException {
        String sql = "SELECT '{month}' WHERE r IN ({region}) AND m = {month} AND {date_range.from} < d";

        assertThat(SqlTemplate.parse(JdbcDialect.POSTGRESQL, sql, SqlLexer.lex(JdbcDialect.POSTGRESQL, sql)).parameterNames())
                .containsExactly("month", "region", "date_range.from");
    }

    @Test
    void a_placeholder_without_a_value_is_refused_naming_it() {
        ConnectorException refusal = catchThrowableOfType(ConnectorException.class,
                () -> bind(JdbcDialect.POSTGRESQL, "SELECT * FROM orders WHERE month = '{month}'", Map.of("region", "North")));

        assertThat(refusal.failure()).isEqualTo(ConnectorException.Failure.REFUSED);
        assertThat(refusal).hasMessage("the query's placeholder {month} has no value");
    }

    @Test
    void a_bare_question_mark_outside_postgresql_is_refused_because_it_would_be_an_unnamed_parameter() {
        ConnectorException refusal = catchThrowableOfType(ConnectorException.class,
                () -> bind(JdbcDialect.MYSQL, "SELECT * FROM orders WHERE id = ?", Map.of()));

        assertThat(refusal.failure()).isEqualTo(ConnectorException.Failure.REFUSED);
        assertThat(refusal).hasMessageContaining("a bare ? is not a placeholder");
    }

    @Test
    void a_placeholder_in_a_literal_with_backslash_escapes_is_refused_because_its_text_is_ambiguous() {
        ConnectorException postgres = catchThrowableOfType(ConnectorException.class,
                () -> bind(JdbcDialect.POSTGRESQL, "SELECT E'\\t{x}'", Map.of("x", "1")));
        ConnectorException mysql = catchThrowableOfType(ConnectorException.class,
                () -> bind(JdbcDialect.MYSQL, "SELECT '\\\\{x}'", Map.of("x", "1")));

        assertThat(postgres.failure()).isEqualTo(ConnectorException.Failure.REFUSED);
        assertThat(postgres).hasMessageContaining("E'\\t{x}'").hasMessageContaining("backslash");
        assertThat(mysql.failure()).isEqualTo(ConnectorException.Failure.REFUSED);
    }

    @Test
    void a_value_of_a_type_no_filter_produces_is_a_programming_error() {
        assertThatThrownBy(() -> bind(JdbcDialect.POSTGRESQL, "SELECT {n}", Map.of("n", 42)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{n} is a Integer");
    }

    private static BoundStatement bind(JdbcDialect dialect, String sql, Map<String, Object> parameters) throws ConnectorException {
        List<SqlToken> tokens = SqlLexer.lex(dialect, sql);
        ReadOnlyStatement.check(sql, tokens);
        return SqlTemplate.parse(dialect, sql, tokens).bind(parameters);
    }
}
