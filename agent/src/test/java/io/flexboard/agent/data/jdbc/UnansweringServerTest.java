package io.flexboard.agent.data.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flexboard.agent.data.connector.Connector;
import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;
import io.flexboard.agent.data.connector.DataRequest;
import io.flexboard.agent.data.source.DataSourceType;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Servers that misbehave at the door, for all three drivers: SQL Server needs no server of its own for these. */
class UnansweringServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final String PASSWORD = "Correct-Horse-9";

    private ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataSourceType.class, names = {"SQLSERVER", "POSTGRESQL", "MYSQL"})
    void a_server_that_accepts_and_never_answers_times_out_within_a_bounded_time(DataSourceType type) {
        acceptAnd(false);

        assertFails(type, Failure.TIMEOUT, "the database at 127.0.0.1:" + server.getLocalPort() + " did not answer within 1 s");
    }

    @ParameterizedTest
    @EnumSource(value = DataSourceType.class, names = {"SQLSERVER", "POSTGRESQL", "MYSQL"})
    void a_server_that_accepts_and_closes_at_once_is_unreachable(DataSourceType type) {
        acceptAnd(true);

        ConnectorException failure = assertFails(type, Failure.UNREACHABLE, null);
        assertThat(failure).hasMessageStartingWith("cannot reach 127.0.0.1:" + server.getLocalPort() + ": ");
    }

    @ParameterizedTest
    @EnumSource(value = DataSourceType.class, names = {"SQLSERVER", "POSTGRESQL", "MYSQL"})
    void a_closed_port_is_unreachable(DataSourceType type) throws IOException {
        server.close();

        ConnectorException failure = assertFails(type, Failure.UNREACHABLE, null);
        assertThat(failure).hasMessageStartingWith("cannot reach 127.0.0.1:" + server.getLocalPort() + ": ");
    }

    @Test
    void an_unknown_host_is_unreachable_naming_it() {
        try (Connector connector = JdbcConnector.open(DataSources.entry("erp", DataSourceType.SQLSERVER,
                "no-such-host.invalid", 1433, "Sales", "reader", PASSWORD, TIMEOUT, 1))) {
            ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                    () -> connector.read(DataRequest.query("SELECT 1", Map.of(), 1)));

            assertThat(failure.failure()).isEqualTo(Failure.UNREACHABLE);
            assertThat(failure).hasMessageStartingWith("cannot reach no-such-host.invalid:1433: ");
            assertThat(failure.getMessage()).doesNotContain(PASSWORD);
        }
    }

    private ConnectorException assertFails(DataSourceType type, Failure expected, String message) {
        try (Connector connector = JdbcConnector.open(DataSources.entry("silent", type, "127.0.0.1", server.getLocalPort(),
                "sales", "reader", PASSWORD, TIMEOUT, 2))) {
            long started = System.nanoTime();
            ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                    () -> connector.read(DataRequest.query("SELECT 1", Map.of(), 1)));
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(failure.failure()).as(type + ": " + failure.getMessage()).isEqualTo(expected);
            if (message != null) {
                assertThat(failure).hasMessage(message);
            }
            assertThat(failure.getMessage()).doesNotContain(PASSWORD);
            assertThat(elapsedMillis).as("ms until " + type + " gave up").isLessThan(3_000);
            return failure;
        }
    }

    /** Accepts every connection on a daemon thread, then closes it at once or holds it open without a byte. */
    private void acceptAnd(boolean closeAtOnce) {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    if (closeAtOnce) {
                        socket.close();
                    } else {
                        accepted.add(socket);
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }
}
