package io.flexboard.queryapi.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes command-api's Axon rows (schema eventstore) the way Axon's JDBC event store and token
 * store do: ISO-8601 timestamps in varchar columns, the relay's GapAwareTrackingToken as JSON.
 */
public final class EventStoreFixtures {

    private static final String GAP_AWARE = "org.axonframework.eventhandling.GapAwareTrackingToken";
    private int sequence;

    public void clear() {
        TestDatabase.execute("truncate eventstore.domainevententry, eventstore.tokenentry restart identity");
        sequence = 0;
    }

    /** One stored event per age, oldest first as given; answers their global indexes. */
    public List<Long> eventsStored(Duration... ages) {
        List<Long> indexes = new ArrayList<>();
        for (Duration age : ages) {
            indexes.add(insertEvent(Instant.now().minus(age)));
        }
        return indexes;
    }

    /** The relay holds its token and has relayed everything up to {@code index} except {@code gaps}. */
    public void relayAt(long index, Long... gaps) {
        // The relay renews its claim every second or so; stamped a minute ahead, the claim stays
        // fresh however slowly this machine runs the test.
        token(index, "relay@command-api-1", Instant.now().plus(Duration.ofMinutes(1)), gaps);
    }

    /** The relay shut down: it released its token (Axon clears the owner) after relaying up to {@code index}. */
    public void relayReleasedItsTokenAt(long index) {
        token(index, null, Instant.now().minus(Duration.ofMinutes(5)));
    }

    private void token(long index, String owner, Instant claimedAt, Long... gaps) {
        String json = "{\"index\":" + index + ",\"gaps\":["
                + Arrays.stream(gaps).map(String::valueOf).collect(Collectors.joining(",")) + "]}";
        TestDatabase.execute("insert into eventstore.tokenentry (processorname, segment, token, tokentype, \"timestamp\", owner)"
                        + " values ('kafka-relay', 0, ?, ?, ?, ?) on conflict (processorname, segment) do update"
                        + " set token = excluded.token, tokentype = excluded.tokentype, \"timestamp\" = excluded.\"timestamp\","
                        + " owner = excluded.owner",
                json.getBytes(StandardCharsets.UTF_8), GAP_AWARE, claimedAt.toString(), owner);
    }

    private long insertEvent(Instant storedAt) {
        String sql = "insert into eventstore.domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
                + " payload, payloadtype, \"timestamp\") values ('tenant-1', ?, 'TenantAggregate', ?, ?, 'TenantCreatedEvent', ?)"
                + " returning globalindex";
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.user(), null);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, sequence++);
            statement.setString(2, UUID.randomUUID().toString());
            statement.setBytes(3, new byte[] {1});
            statement.setString(4, storedAt.toString());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
