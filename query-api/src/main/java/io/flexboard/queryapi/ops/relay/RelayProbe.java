package io.flexboard.queryapi.ops.relay;

import io.flexboard.queryapi.ops.LagSettings;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads the relay's lag from command-api's Axon tables ({@code tokenentry}, {@code domainevententry}
 * in the event store's schema, named explicitly since query-api's connection defaults to
 * {@code readmodel}). Events not relayed: those beyond the token's index, plus those in its gaps.
 */
@Component
public class RelayProbe {

    private final DatabaseClient db;
    private final String processor;
    private final String tokens;
    private final String events;

    public RelayProbe(DatabaseClient db, LagSettings settings) {
        this.db = db;
        this.processor = settings.relay().processor();
        String schema = settings.relay().schema();
        this.tokens = "select tokentype, token, owner, \"timestamp\" from " + schema + ".tokenentry where processorname = $1";
        // The store's order is global index order; the oldest unrelayed event is the lowest index.
        this.events = """
                select (select coalesce(max(globalindex), -1) from %1$s.domainevententry) as head,
                       (select count(*) from %1$s.domainevententry where globalindex > $1 or globalindex = any($2)) as unrelayed,
                       (select "timestamp" from %1$s.domainevententry where globalindex > $1 or globalindex = any($2)
                         order by globalindex limit 1) as oldest
                """.formatted(schema);
    }

    /** Fails with the database's error when the event store tables are not there. */
    public Mono<RelayObservation> observe() {
        return db.sql(tokens).bind(0, processor)
                .map(RelayProbe::claimedToken)
                .all()
                .collectList()
                .flatMap(this::observeFrom);
    }

    private Mono<RelayObservation> observeFrom(List<ClaimedToken> segments) {
        // One segment in command-api; with several, the least advanced bounds what reached Kafka.
        ClaimedToken slowest = segments.stream()
                .min(Comparator.comparingLong(segment -> segment.token().index()))
                .orElse(new ClaimedToken(RelayToken.NOTHING_RELAYED, null, null));
        return db.sql(events)
                .bind(0, slowest.token().index())
                .bind(1, slowest.token().gaps().toArray(Long[]::new))
                .map(row -> new RelayObservation(slowest.token(), row.get("head", Long.class), row.get("unrelayed", Long.class),
                        instant(row.get("oldest", String.class)), slowest.owner(), slowest.claimedAt()))
                .one();
    }

    private static ClaimedToken claimedToken(Readable row) {
        return new ClaimedToken(RelayToken.parse(row.get("tokentype", String.class), row.get("token", byte[].class)),
                row.get("owner", String.class), instant(row.get("timestamp", String.class)));
    }

    /** Axon writes its timestamps as ISO-8601 instants in varchar columns. */
    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private record ClaimedToken(RelayToken token, String owner, Instant claimedAt) {
    }
}
