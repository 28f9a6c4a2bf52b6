package io.flexboard.queryapi.history;

import io.flexboard.queryapi.config.QueryApiSettings;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The connections that read event_history's envelopes: a small pool of their own, on the same
 * server and schema as the main one, with results in PostgreSQL's binary format. In the default
 * text format a {@code bytea} arrives hex-encoded, twice its size, and decoding the hex of a
 * 10,000-event history (~18 MB) cost several times the decoding of the events themselves
 * (docs/PERFORMANCE.md). Only these reads use it: the builder's reads keep the main pool, whose
 * codecs are proven in text format. Its size bounds how many histories are folded at once.
 */
@Component
class EnvelopeConnections implements DisposableBean {

    private static final String APPLICATION_NAME = "flexboard-query-api-history";

    private final ConnectionPool pool;
    private final DatabaseClient database;

    EnvelopeConnections(R2dbcProperties r2dbc, QueryApiSettings settings) {
        // The same server and credentials as the main pool, but never through it ("r2dbc:pool:" stripped).
        ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions
                .parse(r2dbc.getUrl().replaceFirst("^r2dbc:pool:", "r2dbc:"))
                .mutate()
                .option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, APPLICATION_NAME)
                .option(PostgresqlConnectionFactoryProvider.FORCE_BINARY, true);
        if (r2dbc.getUsername() != null) {
            options.option(ConnectionFactoryOptions.USER, r2dbc.getUsername());
        }
        if (r2dbc.getPassword() != null) {
            options.option(ConnectionFactoryOptions.PASSWORD, r2dbc.getPassword());
        }
        String schema = r2dbc.getProperties().get("schema");
        if (schema != null) {
            options.option(PostgresqlConnectionFactoryProvider.SCHEMA, schema);
        }
        int size = settings.history().maxConcurrentReads();
        pool = new ConnectionPool(ConnectionPoolConfiguration
                .builder(new PostgresqlConnectionFactoryProvider().create(options.build()))
                .initialSize(0)
                .maxSize(size)
                // Waiting for a connection is waiting for another fold to finish: bounded, then an error.
                .maxAcquireTime(Duration.ofSeconds(10))
                .maxCreateConnectionTime(Duration.ofSeconds(5))
                .build());
        database = DatabaseClient.create(pool);
    }

    DatabaseClient database() {
        return database;
    }

    @Override
    public void destroy() {
        pool.dispose();
    }
}
