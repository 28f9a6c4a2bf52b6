package io.flexboard.fold;

import java.util.Comparator;
import java.util.UUID;

/** Orders as PostgreSQL's {@code order by} does, so in-memory lists come out as the SQL reads answer them. */
final class PostgresOrder {

    /**
     * PostgreSQL compares uuids byte by byte, unsigned; {@link UUID#compareTo} compares signed longs
     * and puts ids with the high bit set first.
     */
    static final Comparator<UUID> UUIDS = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private PostgresOrder() {
    }
}
