package io.flexboard.agent.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.ServerAddress;

import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;
import io.flexboard.agent.data.connector.DataRequest;
import io.flexboard.agent.data.source.DataSourceDefinition;
import io.flexboard.agent.data.source.DataSourceDefinition.ConnectionSettings;
import io.flexboard.agent.data.source.DataSourceDefinition.Options;
import io.flexboard.agent.data.source.DataSourceType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The MongoDB connector without a server: settings from the definition, and a source nobody answers for. */
class MongoConnectorTest {

    private static final String PASSWORD = "pa55-w0rd-mongo";

    private static DataSourceDefinition mongoSource(ConnectionSettings connection, boolean ssl, Duration timeout) {
        return new DataSourceDefinition("orders-db", "Orders", DataSourceType.MONGODB, connection,
                new Options(ssl, timeout, 7), Path.of("."));
    }

    private static ConnectionSettings hostAndPort(String host, Integer port, String database) {
        return new ConnectionSettings(host, port, database, "reporter", PASSWORD, null, null, null);
    }

    private static ConnectionSettings url(String url, String database) {
        return new ConnectionSettings(null, null, database, null, null, url, null, null);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void host_fields_give_one_server_a_credential_object_and_every_wait_bounded_by_the_timeout() {
        MongoSettings settings = MongoSettings.of(mongoSource(hostAndPort("mongo.plant-7.local", null, "sales"), true,
                Duration.ofMillis(2500)));

        MongoClientSettings client = settings.client();
        assertThat(settings.database()).isEqualTo("sales");
        assertThat(client.getClusterSettings().getHosts()).containsExactly(new ServerAddress("mongo.plant-7.local", 27017));
        MongoCredential credential = client.getCredential();
        assertThat(credential.getUserName()).isEqualTo("reporter");
        assertThat(credential.getSource()).isEqualTo("sales");
        assertThat(credential.getPassword()).isEqualTo(PASSWORD.toCharArray());
        assertThat(client.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2500);
        assertThat(client.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2500);
        assertThat(client.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2500);
        assertThat(client.getConnectionPoolSettings().getMaxSize()).isEqualTo(7);
        assertThat(client.getConnectionPoolSettings().getMaxWaitTime(TimeUnit.MILLISECONDS)).isEqualTo(2500);
        assertThat(client.getSslSettings().isEnabled()).isTrue();
    }

    @Test
    void a_connection_string_gives_hosts_database_and_credentials_and_the_options_still_bound_the_waits() {
        MongoSettings settings = MongoSettings.of(mongoSource(
                url("mongodb://reporter:" + PASSWORD + "@db1:27018,db2:27019/orders?authSource=admin&maxPoolSize=50",
                        null), false, Duration.ofSeconds(4)));

        assertThat(settings.database()).isEqualTo("orders");
        assertThat(settings.client().getClusterSettings().getHosts())
                .containsExactly(new ServerAddress("db1", 27018), new ServerAddress("db2", 27019));
        assertThat(settings.client().getCredential().getSource()).isEqualTo("admin");
        assertThat(settings.client().getConnectionPoolSettings().getMaxSize()).isEqualTo(7);
        assertThat(settings.client().getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(4000);
        assertThat(settings.client().getSslSettings().isEnabled()).isFalse();
        assertThat(settings.servers()).isEqualTo("db1:27018,db2:27019");
    }

    @Test
    void a_bad_definition_is_refused_on_read_naming_the_field_without_the_password() throws ConnectorException {
        Map<ConnectionSettings, String> bad = Map.of(
                url("mysql://reporter:" + PASSWORD + "@db/orders", null), "connection.url",
                url("mongodb://db1", null), "connection.database",
                hostAndPort(null, null, "sales"), "connection.host",
                hostAndPort("db1", 27017, "bad/name"), "connection.database");
        for (Map.Entry<ConnectionSettings, String> entry : bad.entrySet()) {
            try (MongoConnector connector = MongoConnector.open(mongoSource(entry.getKey(), false, Duration.ofSeconds(1)))) {
                ConnectorException failure = catchThrowableOfType(() -> connector.read(
                        DataRequest.query("{\"collection\": \"orders\"}", Map.of(), 10)), ConnectorException.class);

                assertThat(failure.failure()).isEqualTo(Failure.REFUSED);
                assertThat(failure.getMessage()).contains(entry.getValue(), "orders-db").doesNotContain(PASSWORD);
            }
        }
    }

    @Test
    void a_closed_port_answers_unreachable_within_the_timeout_without_the_password() throws IOException {
        int port = closedPort();
        try (MongoConnector connector = MongoConnector.open(mongoSource(hostAndPort("127.0.0.1", port, "sales"), false,
                Duration.ofMillis(500)))) {
            long start = System.nanoTime();
            ConnectorException failure = catchThrowableOfType(() -> connector.read(
                    DataRequest.query("{\"collection\": \"orders\", \"find\": {}}", Map.of(), 10)), ConnectorException.class);
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(failure.failure()).isEqualTo(Failure.UNREACHABLE);
            assertThat(failure.getMessage()).contains("127.0.0.1:" + port, "500 ms").doesNotContain(PASSWORD);
            assertThat(elapsedMillis).isBetween(400L, 3_000L);
        }
    }

    @Test
    void a_refused_query_is_refused_before_the_unreachable_server_is_asked() throws IOException {
        try (MongoConnector connector = MongoConnector.open(mongoSource(hostAndPort("127.0.0.1", closedPort(), "sales"),
                false, Duration.ofSeconds(5)))) {
            long start = System.nanoTime();
            ConnectorException failure = catchThrowableOfType(() -> connector.read(DataRequest.query(
                    "{\"collection\": \"orders\", \"aggregate\": [{\"$out\": \"stolen\"}]}", Map.of(), 10)),
                    ConnectorException.class);

            assertThat(failure.failure()).isEqualTo(Failure.REFUSED);
            assertThat(failure.getMessage()).contains("$out");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void many_widgets_reading_an_unreachable_source_at_once_all_fail_alike() throws Exception {
        try (MongoConnector connector = MongoConnector.open(mongoSource(hostAndPort("127.0.0.1", closedPort(), "sales"),
                false, Duration.ofMillis(300)))) {
            ExecutorService readers = Executors.newFixedThreadPool(8);
            List<Future<Failure>> failures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                failures.add(readers.submit(() -> catchThrowableOfType(() -> connector.read(
                        DataRequest.query("{\"collection\": \"orders\"}", Map.of(), 10)), ConnectorException.class).failure()));
            }
            for (Future<Failure> failure : failures) {
                assertThat(failure.get(5, TimeUnit.SECONDS)).isEqualTo(Failure.UNREACHABLE);
            }
            readers.shutdownNow();
        }
    }
}
