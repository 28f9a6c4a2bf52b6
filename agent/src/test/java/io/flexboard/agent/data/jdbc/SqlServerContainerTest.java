package io.flexboard.agent.data.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flexboard.agent.data.connector.Connector;
import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;
import io.flexboard.agent.data.connector.DataRequest;
import io.flexboard.agent.data.connector.QueryResult;
import io.flexboard.agent.data.source.DataSourceDefinition;
import io.flexboard.agent.data.source.DataSourceType;

import com.zaxxer.hikari.HikariDataSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/**
 * The roadmap's T-SQL (FORMAT, DATEADD, GETDATE) through the connector on a real SQL Server. Needs a Docker
 * engine: without one the whole class is reported as skipped ("disabledWithoutDocker").
 */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerContainerTest {

    @Container
    static final MSSQLServerContainer SERVER = new MSSQLServerContainer("mcr.microsoft.com/mssql/server:2022-latest").acceptLicense();

    private static final String MONTHLY_SALES = """
            SELECT FORMAT(order_date, 'yyyy-MM') AS month, SUM(amount) AS revenue, COUNT(*) AS orders
            FROM orders
            WHERE order_date >= DATEADD(month, -3, GETDATE())
            GROUP BY FORMAT(order_date, 'yyyy-MM')
            ORDER BY month""";

    @BeforeAll
    static void seedOrdersRelativeToToday() throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER.getJdbcUrl(), SERVER.getUsername(), SERVER.getPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders (id int PRIMARY KEY, order_date date NOT NULL, amount decimal(10,2) NOT NULL)");
            // Two orders this month, one last month, one a year ago (outside the three-month window).
            statement.execute("INSERT INTO orders VALUES (1, CAST(GETDATE() AS date), 10.50), (2, CAST(GETDATE() AS date), 4.50),"
                    + " (3, DATEADD(month, -1, CAST(GETDATE() AS date)), 7.25), (4, DATEADD(year, -1, CAST(GETDATE() AS date)), 99.00)");
        }
    }

    @Test
    void the_roadmaps_monthly_sales_query_runs_through_the_connector() throws ConnectorException {
        try (Connector connector = JdbcConnector.open(entry(SERVER.getPassword()))) {
            QueryResult result = connector.read(DataRequest.query(MONTHLY_SALES, Map.of(), 100));

            assertThat(result.columns()).extracting(QueryResult.Column::type).containsExactly("string", "number", "number");
            assertThat(result.rows()).containsExactly(
                    Map.of("month", month(LocalDate.now().minusMonths(1)), "revenue", new BigDecimal("7.25"), "orders", 1L),
                    Map.of("month", month(LocalDate.now()), "revenue", new BigDecimal("15.00"), "orders", 2L));
        }
    }

    @Test
    void the_roadmaps_quoted_drilldown_month_is_bound_and_top_limits_rows() throws ConnectorException {
        try (Connector connector = JdbcConnector.open(entry(SERVER.getPassword()))) {
            QueryResult result = connector.read(DataRequest.query(
                    "SELECT TOP 1 id, order_date FROM orders WHERE FORMAT(order_date, 'yyyy-MM') = '{month}' ORDER BY id",
                    Map.of("month", month(LocalDate.now())), 100));

            assertThat(result.rows()).containsExactly(Map.of("id", 1L, "order_date", LocalDate.now().toString()));
        }
    }

    @Test
    void a_write_on_a_pooled_connection_is_rolled_back_when_the_connection_returns() throws Exception {
        try (HikariDataSource pool = JdbcPool.open(JdbcSettings.of(entry(SERVER.getPassword())))) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM orders");
            }
        }
        try (Connection owner = DriverManager.getConnection(SERVER.getJdbcUrl(), SERVER.getUsername(), SERVER.getPassword());
             Statement statement = owner.createStatement(); ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM orders")) {
            count.next();
            assertThat(count.getInt(1)).isEqualTo(4);
        }
    }

    @Test
    void a_wrong_password_is_unreachable_and_the_message_holds_no_password() {
        try (Connector connector = JdbcConnector.open(entry("Wrong-Passw0rd!"))) {
            ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                    () -> connector.read(DataRequest.query("SELECT 1", Map.of(), 1)));

            assertThat(failure.failure()).isEqualTo(Failure.UNREACHABLE);
            assertThat(failure).hasMessageEndingWith("refused the login for user '" + SERVER.getUsername() + "'");
            assertThat(failure.getMessage()).doesNotContain("Wrong-Passw0rd!").doesNotContain(SERVER.getPassword());
        }
    }

    private static DataSourceDefinition entry(String password) {
        return DataSources.entry("erp", DataSourceType.SQLSERVER, SERVER.getHost(),
                SERVER.getMappedPort(MSSQLServerContainer.MS_SQL_SERVER_PORT), "master", SERVER.getUsername(), password,
                Duration.ofSeconds(10), 3);
    }

    private static String month(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("yyyy-MM"));
    }
}
