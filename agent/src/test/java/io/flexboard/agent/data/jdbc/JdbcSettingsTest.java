package io.flexboard.agent.data.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flexboard.agent.data.connector.Connector;
import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.DataRequest;
import io.flexboard.agent.data.source.DataSourceDefinition;
import io.flexboard.agent.data.source.DataSourceType;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JdbcSettingsTest {

    @Test
    void a_sql_server_entry_gives_host_and_port_in_the_url_and_everything_else_as_properties() throws ConnectorException {
        JdbcSettings settings = JdbcSettings.of(DataSources.entry("erp", DataSourceType.SQLSERVER, "sql.example.local",
                null, "Sales", "reader", "s3cret!", Duration.ofMillis(1500), 7));

        assertThat(settings.url()).isEqualTo("jdbc:sqlserver://sql.example.local:1433");
        assertThat(settings.properties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "databaseName", "Sales",
                "encrypt", "false",
                "loginTimeout", "2",
                "queryTimeout", "2",
                "socketTimeout", "7000",
                "applicationName", "flexboard-agent",
                "applicationIntent", "ReadOnly"));
        assertThat(settings.username()).isEqualTo("reader");
        assertThat(settings.poolSize()).isEqualTo(7);
        assertThat(settings.queryTimeoutSeconds()).isEqualTo(2);
        assertThat(settings.target()).isEqualTo("sql.example.local:1433");
        assertThat(settings.url() + settings.properties() + settings).doesNotContain("s3cret!");
    }

    @Test
    void ssl_asks_sql_server_for_encryption_with_a_verified_certificate() throws ConnectorException {
        JdbcSettings settings = JdbcSettings.of(DataSources.withUrl("erp", DataSourceType.SQLSERVER,
                "jdbc:sqlserver://sql.example.local:14330;databaseName=Sales", "reader", "pw"));

        assertThat(settings.url()).isEqualTo("jdbc:sqlserver://sql.example.local:14330;databaseName=Sales");
        assertThat(settings.properties()).containsEntry("encrypt", "true").containsEntry("trustServerCertificate", "false")
                .doesNotContainKey("databaseName");
        assertThat(settings.target()).isEqualTo("sql.example.local:14330");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_postgresql_entry_is_read_only_on_both_sides_and_binds_filter_text_untyped() throws ConnectorException {
        JdbcSettings settings = JdbcSettings.of(DataSources.entry("warehouse", DataSourceType.POSTGRESQL, "10.0.0.5", null,
                "dw", "reader", "pw", Duration.ofMillis(500), 5));

        assertThat(settings.url()).isEqualTo("jdbc:postgresql://10.0.0.5:5432/dw");
        assertThat(settings.properties()).containsAllEntriesOf(Map.of(
                "readOnly", "true",
                "readOnlyMode", "always",
                "stringtype", "unspecified",
                "ApplicationName", "flexboard-agent",
                "connectTimeout", "1",
                "loginTimeout", "1",
                "socketTimeout", "6",
                "sslmode", "disable",
                "options", "-c default_transaction_read_only=on -c standard_conforming_strings=on"));
    }

    @Test
    void a_mysql_entry_uses_the_mariadb_driver_and_a_mysql_url_is_accepted_as_the_same_protocol() throws ConnectorException {
        JdbcSettings byHost = JdbcSettings.of(DataSources.entry("shop", DataSourceType.MYSQL, "db", null, "shop", "root",
                null, Duration.ofSeconds(3), 2));
        JdbcSettings byUrl = JdbcSettings.of(DataSources.withUrl("shop", DataSourceType.MYSQL,
                "jdbc:mysql://reader:pw@db:3307/shop?useSSL=true", "root", null));

        assertThat(byHost.url()).isEqualTo("jdbc:mariadb://db:3306/shop");
        assertThat(byHost.properties()).containsEntry("connectTimeout", "3000").containsEntry("socketTimeout", "8000")
                .containsEntry("sslMode", "disable").containsEntry("useServerPrepStmts", "true");
        assertThat(byUrl.url()).isEqualTo("jdbc:mariadb://reader:pw@db:3307/shop?useSSL=true");
        assertThat(byUrl.target()).isEqualTo("db:3307");
        assertThat(byUrl.properties()).containsEntry("sslMode", "verify-full");
    }

    @Test
    void a_url_of_another_database_type_is_refused_naming_the_entry_and_field() {
        Connector connector = JdbcConnector.open(DataSources.withUrl("warehouse", DataSourceType.POSTGRESQL,
                "jdbc:sqlserver://db:1433", "reader", "pw"));

        ConnectorException refusal = catchThrowableOfType(ConnectorException.class,
                () -> connector.read(DataRequest.query("SELECT 1", Map.of(), 10)));

        assertThat(refusal.failure()).isEqualTo(ConnectorException.Failure.REFUSED);
        assertThat(refusal).hasMessage("data source 'warehouse': connection.url must start with jdbc:postgresql: for type postgresql");
    }

    @Test
    void host_port_and_database_that_would_rewrite_the_url_are_refused() {
        assertThat(refusal(DataSources.entry("a", DataSourceType.POSTGRESQL, "db/evil", null, "x", "u", "p", Duration.ofSeconds(1), 1)))
                .hasMessage("data source 'a': connection.host is not a host name or address");
        assertThat(refusal(DataSources.entry("b", DataSourceType.MYSQL, "db", 70000, "x", "u", "p", Duration.ofSeconds(1), 1)))
                .hasMessage("data source 'b': connection.port 70000 is not between 1 and 65535");
        assertThat(refusal(DataSources.entry("c", DataSourceType.POSTGRESQL, "db", null, "x?user=admin", "u", "p", Duration.ofSeconds(1), 1)))
                .hasMessageStartingWith("data source 'c': connection.database holds a character");
        assertThat(refusal(DataSources.entry("d", DataSourceType.SQLSERVER, null, null, "x", "u", "p", Duration.ofSeconds(1), 1)))
                .hasMessage("data source 'd': connection.host (or connection.url) is missing");
    }

    private static ConnectorException refusal(DataSourceDefinition definition) {
        ConnectorException refusal = catchThrowableOfType(ConnectorException.class, () -> JdbcSettings.of(definition));
        assertThat(refusal.failure()).isEqualTo(ConnectorException.Failure.REFUSED);
        return refusal;
    }
}
