package io.flexboard.agent.data.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flexboard.agent.data.connector.Connector;
import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;
import io.flexboard.agent.data.connector.DataRequest;
import io.flexboard.agent.data.connector.QueryResult;
import io.flexboard.agent.data.connector.QueryResult.Column;

import com.zaxxer.hikari.HikariDataSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The connector against the machine's real PostgreSQL and MariaDB: every test runs on both. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcConnectorTest {

    private final Map<OrdersDatabase, Connector> connectors = new EnumMap<>(OrdersDatabase.class);

    @BeforeAll
    void createTheOrdersDatabases() throws SQLException {
        for (OrdersDatabase database : OrdersDatabase.values()) {
            database.create();
            connectors.put(database, JdbcConnector.open(database.definition(Duration.ofSeconds(10), 5)));
        }
    }

    @AfterAll
    void closeTheConnectors() {
        connectors.values().forEach(Connector::close);
    }

    @ParameterizedTest
    @EnumSource(OrdersDatabase.class)
    void rows_arrive_with_their_columns_in_order_and_json_ready_values(OrdersDatabase database) throws ConnectorException {
        QueryResult result = read(database,
                "SELECT id, region, order_date, amount, paid, created_at, ratio, note FROM orders WHERE id IN (1, 2) ORDER BY id");

        assertThat(result.columns()).containsExactly(new Column("id", "number"), new Column("region", "string"),
                new Column("order_date", "date"), new Column("amount", "number"), new Column("paid", "boolean"),
                new Column("created_at", "datetime"), new Column("ratio", "number"), new Column("note", "string"));
        assertThat(result.rows()).hasSize(2);
        assertThat(result.rows().get(1)).containsExactly(
                Map.entry("id", 2L), Map.entry("region", OrdersDatabase.region(2)), Map.entry("order_date", "2024-01-02"),
                Map.entry("amount", new BigDecimal("20.50")), Map.entry("paid", true),
                Map.entry("created_at", "2024-01-02T10:00:02"), Map.entry("ratio", 0.5), Map.entry("note", "order 2"));
        assertThat(result.rows().get(0)).containsEntry("note", null).containsEntry("paid", false);
        assertThat(result.truncated()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(OrdersDatabase.class)
    void a_repeated_column_label_gets_a_numbered_name(OrdersDatabase database) throws ConnectorException {
        QueryResult result = read(database, "SELECT region, region, month AS region FROM orders WHERE id = 1");

        assertThat(result.columns()).extracting(Column::name).containsExactly("region", "region_2", "region_3");
        assertThat(result.rows().get(0)).containsEntry("region_3", "2024-01");
    }

    @ParameterizedTest
    @EnumSource(OrdersDatabase.class)
    void the_roadmaps_quoted_month_placeholder_is_bound_not_spliced(OrdersDatabase database) throws ConnectorException {
        QueryResult result = read(database, "SELECT COUNT(*) AS n FROM orders WHERE month = '{month}'", Map.of("month", "2024-02"));

        assertThat(result.rows()).containsExactly(Map.of("n", 4L));
    }

    @ParameterizedTest
    @EnumSource(OrdersDatabase.class)
    void an_injection_attempt_as_a_filter_value_matches_no_row_and_leaves_the_table_intact(OrdersDatabase database)
            throws ConnectorException, SQLException {
        Map<String, Object> hostile = Map.of("region", "x' OR '1'='1");

        assertThat(read(database, "SELECT id FROM orders WHERE region = {region}", hostile).rows()).isEmpty();
        assertThat(read(database, "SELECT id FROM orders WHERE region = '{region}'", hostile).rows()).isEmpty();
        assertThat(read(database, "SELECT id FROM orders WHERE region = {region}",
                Map.of("region", "'; DROP TABLE orders; --")).rows()).isEmpty();
        assertThat(database.orders()).isEqualTo(OrdersDatabase.ORDERS);
    }

    @ParameterizedTest
    @EnumSource(OrdersDatabase.class)
    void a_multiselect_fills_an_in_list_and_an_empty_one_matches_nothing(OrdersDatabase database) throws ConnectorException {
        String sql = "SELECT COUNT(*) AS n FROM orders WHERE region IN ({region})";

        assertThat(read(database, sql, Map.of("region", List.of("North", "South"))).rows()).containsExactly(Map.of("n", 6L));
        assertThat(read(database, sql, Map.of("region", List.of())).rows()).containsExactly(Map.of("n", 0L));
    }

    @ParameterizedTest
    @EnumSource(OrdersDatabase.class)
    void a_filter_value_given_as_text_compares_with_a_number_column_and_a_date_binds_as_a_date(OrdersDatabase database)
            throws ConnectorException {
        assertThat(read(database, "SELECT id FROM orders WHERE id = {id}", Map.of("id", "3")).rows()).containsExactly(Map.of("id", 3L));
        assertThat(read(database, "SELECT COUNT(*) AS n FROM orders WHERE order_date >= {from} AND amount > {min}",
                Map.of("from", java.time.LocalDate.of(2024, 3, 1), "min", new BigDecimal("100"))).rows())
                .containsExactly(Map.of("n", 3L));
    }

    @ParameterizedTest
    @EnumSource(OrdersDatabase.class)
    void rows_past_the_cap_are_cut_and_the_result_says_so(OrdersDatabase database) throws ConnectorException {
        QueryResult cut = connectors.get(database).read(DataRequest.query("SELECT id FROM orders ORDER BY id", Map.of(), 5));
        QueryResult whole = connectors.get(database).read(DataRequest.query("SELECT id FROM orders ORDER BY id", Map.of(), 12));

        assertThat(cut.rows()).extracting(row -> row.get("id")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(cut.truncated()).isTrue();
        assertThat(whole.rows()).hasSize(12);
        assertThat(whole.truncated()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(OrdersDatabase.class)
    void a_delete_statement_is_refused_before_it_reaches_the_database(OrdersDatabase database) throws SQLException {
        ConnectorException refusal = catchThrowableOfType(ConnectorException.class, () -> read(database, "DELETE FROM orders"));

        assertThat(refusal.failure()).isEqualTo(Failure.REFUSED);
        assertThat(refusal).hasMessage("only one read-only SELECT or WITH statement is run; found DELETE");
        assertThat(database.orders()).isEqualTo(OrdersDatabase.ORDERS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1; DROP TABLE orders",
        "WITH d AS (DELETE FROM orders RETURNING *) SELECT * FROM d",
        "SELECT * INTO orders_copy FROM orders",
        "SELECT 1 /* the rest is a comment */ ; DELETE FROM orders -- not really",
        "/* SELECT */ DELETE FROM orders"})
    void statements_that_would_write_are_refused_on_both_databases(String sql) throws SQLException {
        for (OrdersDatabase database : OrdersDatabase.values()) {
            ConnectorException refusal = catchThrowableOfType(ConnectorException.class, () -> read(database, sql));

            assertThat(refusal.failure()).as(database + ": " + sql).isEqualTo(Failure.REFUSED);
            assertThat(refusal).hasMessageStartingWith("only one read-only SELECT or WITH statement is run; found ");
            assertThat(database.orders()).isEqualTo(OrdersDatabase.ORDERS);
        }
    }

    @ParameterizedTest
    @EnumSource(OrdersDatabase.class)
    void a_keyword_inside_a_literal_is_just_text(OrdersDatabase database) throws ConnectorException {
        assertThat(read(database, "SELECT 'delete' AS word").rows()).containsExactly(Map.of("word", "delete"));
    }

    @ParameterizedTest
    @EnumSource(OrdersDatabase.class)
    void an_unknown_table_is_refused_by_the_database_naming_it(OrdersDatabase database) {
        ConnectorException refusal = catchThrowableOfType(ConnectorException.class, () -> read(database, "SELECT * FROM no_such_orders"));

        assertThat(refusal.failure()).isEqualTo(Failure.REFUSED);
        assertThat(refusal).hasMessageStartingWith("the database refused the statement: ").hasMessageContaining("no_such_orders");
    }

    @ParameterizedTest
    @EnumSource(OrdersDatabase.class)
    void a_write_the_check_missed_still_fails_on_the_pools_read_only_connection(OrdersDatabase database) throws Exception {
        try (HikariDataSource pool = JdbcPool.open(JdbcSettings.of(database.definition(Duration.ofSeconds(5), 1)));
             Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {

            SQLException insert = catchThrowableOfType(SQLException.class, () -> statement.executeUpdate(
                    "INSERT INTO orders (id, region, month, order_date, amount, paid, created_at)"
                    + " VALUES (99, 'X', '2024-09', '2024-09-01', 1, false, '2024-09-01 00:00:00')"));
            SQLException delete = catchThrowableOfType(SQLException.class, () -> statement.executeUpdate("DELETE FROM orders"));

            // 25006: read-only SQL transaction, on both servers.
            assertThat(insert.getSQLState()).isEqualTo("25006");
            assertThat(delete.getSQLState()).isEqualTo("25006");
        }
        assertThat(database.orders()).isEqualTo(OrdersDatabase.ORDERS);
    }

    @ParameterizedTest
    @EnumSource(OrdersDatabase.class)
    void a_query_slower_than_the_timeout_times_out_and_the_pool_keeps_serving(OrdersDatabase database) throws ConnectorException {
        try (Connector connector = JdbcConnector.open(database.definition(Duration.ofMillis(500), 2))) {
            long started = System.nanoTime();
            ConnectorException timeout = catchThrowableOfType(ConnectorException.class,
                    () -> connector.read(DataRequest.query(database.sleepFiveSeconds(), Map.of(), 10)));
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(timeout.failure()).isEqualTo(Failure.TIMEOUT);
            assertThat(timeout).hasMessage("the database at 127.0.0.1:" + database.definition(null, 1).connection().port()
                    + " did not answer within 500 ms");
            // The statement timeout is whole seconds: 500 ms is rounded up to 1 s.
            assertThat(elapsedMillis).isBetween(900L, 4_000L);
            assertThat(connector.read(DataRequest.query("SELECT 1 AS one", Map.of(), 1)).rows()).containsExactly(Map.of("one", 1L));
        }
    }

    @ParameterizedTest
    @EnumSource(OrdersDatabase.class)
    void a_refused_login_is_unreachable_and_the_message_holds_no_password(OrdersDatabase database) {
        // PostgreSQL trusts 127.0.0.1 here, so the refused login is an unknown user; MariaDB checks root's password.
        var entry = database.definition(Duration.ofSeconds(5), 1);
        var refused = database == OrdersDatabase.POSTGRESQL
                ? DataSources.entry(entry.id(), entry.type(), "127.0.0.1", 5432, OrdersDatabase.NAME, "no_such_reader",
                        "Tr0ub4dor&3", Duration.ofSeconds(5), 1)
                : DataSources.with(entry, Duration.ofSeconds(5), 1, "Tr0ub4dor&3");
        try (Connector connector = JdbcConnector.open(refused)) {
            ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                    () -> connector.read(DataRequest.query("SELECT 1", Map.of(), 1)));

            assertThat(failure.failure()).isEqualTo(Failure.UNREACHABLE);
            assertThat(failure).hasMessage("the database at 127.0.0.1:" + refused.connection().port()
                    + " refused the login for user '" + refused.connection().username() + "'");
            assertThat(failure.getMessage()).doesNotContain("Tr0ub4dor&3");
        }
    }

    @ParameterizedTest
    @EnumSource(OrdersDatabase.class)
    void fifty_reads_share_the_pool_and_never_open_more_than_its_size(OrdersDatabase database) throws Exception {
        try (Connector connector = JdbcConnector.open(database.definition(Duration.ofSeconds(10), 3))) {
            long before = database.agentSessions();
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<QueryResult>> reads = new ArrayList<>();
                for (int read = 0; read < 50; read++) {
                    reads.add(threads.submit(() -> connector.read(DataRequest.query("SELECT COUNT(*) AS n FROM orders", Map.of(), 1))));
                }
                for (Future<QueryResult> read : reads) {
                    assertThat(read.get().rows()).containsExactly(Map.of("n", 12L));
                }
            } finally {
                threads.shutdown();
            }
            assertThat(database.agentSessions() - before).isBetween(1L, 3L);
        }
    }

    @ParameterizedTest
    @EnumSource(OrdersDatabase.class)
    void sixteen_threads_reading_at_once_all_get_their_own_rows(OrdersDatabase database) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<QueryResult>> reads = new ArrayList<>();
            for (int read = 0; read < 160; read++) {
                String region = OrdersDatabase.REGIONS[read % 4];
                reads.add(threads.submit(() -> read(database, "SELECT region, COUNT(*) AS n FROM orders WHERE region = {r}"
                        + " GROUP BY region", Map.of("r", region))));
            }
            for (int read = 0; read < reads.size(); read++) {
                assertThat(reads.get(read).get().rows()).containsExactly(Map.of("region", OrdersDatabase.REGIONS[read % 4], "n", 3L));
            }
        } finally {
            threads.shutdown();
        }
    }

    private QueryResult read(OrdersDatabase database, String sql) throws ConnectorException {
        return read(database, sql, Map.of());
    }

    private QueryResult read(OrdersDatabase database, String sql, Map<String, Object> parameters) throws ConnectorException {
        return connectors.get(database).read(DataRequest.query(sql, parameters, 100));
    }
}
