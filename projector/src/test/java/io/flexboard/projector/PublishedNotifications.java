package io.flexboard.projector;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.flexboard.projector.published.PublishedVersionNotification;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on the publish channel (or another of the projector's channels) the way an agent-bridge
 * replica does, over its own plain JDBC connection, and keeps every payload received.
 */
final class PublishedNotifications implements AutoCloseable {

    private final Connection connection;
    private final String channel;
    private final List<String> payloads = new CopyOnWriteArrayList<>();

    PublishedNotifications() {
        this(TestDatabase.JDBC_URL);
    }

    PublishedNotifications(String jdbcUrl) {
        this(jdbcUrl, PublishedVersionNotification.CHANNEL);
    }

    PublishedNotifications(String jdbcUrl, String channel) {
        this.channel = channel;
        try {
            connection = DriverManager.getConnection(jdbcUrl, TestDatabase.USER, "");
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + channel);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot listen on " + channel, e);
        }
    }

    /** The payloads received so far for the tenant, in arrival order. */
    List<String> forTenant(String tenantId) {
        receive();
        return payloads.stream().filter(payload -> payload.startsWith(tenantId + ":")).toList();
    }

    private void receive() {
        try {
            PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications(200);
            if (received != null) {
                for (PGNotification notification : received) {
                    if (notification.getName().equals(channel)) {
                        payloads.add(notification.getParameter());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read notifications", e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
