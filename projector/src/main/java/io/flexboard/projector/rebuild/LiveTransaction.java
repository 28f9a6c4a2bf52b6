package io.flexboard.projector.rebuild;

import java.util.List;
import java.util.function.Function;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One transaction on one connection of the live pool, driven statement by statement from the
 * rebuild's own thread (blocking). The switch-over needs this shape: it holds its lock while the
 * rebuild catches up in other transactions, which a reactive transaction scope cannot span.
 * Closing it without {@link #commit()} rolls back.
 */
final class LiveTransaction implements AutoCloseable {

    private final Connection connection;
    private boolean finished;

    private LiveTransaction(Connection connection) {
        this.connection = connection;
    }

    static LiveTransaction begin(ConnectionFactory connections) {
        return begin(connections, false);
    }

    /** A transaction whose every statement sees the database as of its first one (REPEATABLE READ). */
    static LiveTransaction snapshot(ConnectionFactory connections) {
        return begin(connections, true);
    }

    private static LiveTransaction begin(ConnectionFactory connections, boolean snapshot) {
        Connection connection = Mono.from(connections.create()).block();
        try {
            Mono.from(snapshot ? connection.beginTransaction(IsolationLevel.REPEATABLE_READ) : connection.beginTransaction()).block();
        } catch (RuntimeException e) {
            Mono.from(connection.close()).block();
            throw e;
        }
        return new LiveTransaction(connection);
    }

    /** Runs a statement with {@code $1, $2 …} binds and answers the rows it changed. */
    long update(String sql, Object... binds) {
        return Flux.from(statement(sql, binds).execute())
                .flatMap(Result::getRowsUpdated)
                .reduce(0L, Long::sum)
                .block();
    }

    <T> List<T> query(String sql, Function<Readable, T> mapper, Object... binds) {
        return Flux.from(statement(sql, binds).execute())
                .flatMap(result -> result.map(mapper::apply))
                .collectList()
                .block();
    }

    void commit() {
        Mono.from(connection.commitTransaction()).block();
        finished = true;
    }

    @Override
    public void close() {
        try {
            if (!finished) {
                Mono.from(connection.rollbackTransaction()).block();
            }
        } finally {
            Mono.from(connection.close()).block();
        }
    }

    private Statement statement(String sql, Object... binds) {
        Statement statement = connection.createStatement(sql);
        for (int i = 0; i < binds.length; i++) {
            statement.bind(i, binds[i]);
        }
        return statement;
    }
}
