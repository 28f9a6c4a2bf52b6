package io.flexboard.projector.projection;

import java.util.Collection;
import java.util.Iterator;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One SQL statement executed once per row, with every row's bindings sent in one go (R2DBC's
 * {@link Statement#add()}): PostgreSQL parses it once and the driver pipelines the rows, so a batch
 * of a thousand rows costs one round trip instead of a thousand. Runs on the connection of the
 * surrounding transaction, like every statement of a {@link BatchProjection}. Placeholders are
 * PostgreSQL's {@code $1, $2, …}.
 */
public final class StatementBatch {

    private StatementBatch() {
    }

    /** How one row binds its values, by the placeholders' positions (0 is {@code $1}). */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(T row, Bindings bindings);
    }

    /** Executes {@code sql} once per row; completes with the rows updated, summed. Nothing at all for no rows. */
    public static <T> Mono<Long> execute(DatabaseClient database, String sql, Collection<T> rows, Binder<? super T> binder) {
        if (rows.isEmpty()) {
            return Mono.just(0L);
        }
        return database.inConnectionMany(connection -> {
            Statement statement = connection.createStatement(sql);
            Bindings bindings = new Bindings(statement);
            Iterator<T> each = rows.iterator();
            while (true) {
                binder.bind(each.next(), bindings);
                if (!each.hasNext()) {
                    break;
                }
                statement.add();
            }
            return Flux.from(statement.execute()).concatMap(Result::getRowsUpdated);
        }).reduce(0L, Long::sum);
    }

    /** One row's values; a null value is bound as SQL NULL of the given type. */
    public static final class Bindings {

        private final Statement statement;

        private Bindings(Statement statement) {
            this.statement = statement;
        }

        public Bindings bind(int index, Object value) {
            statement.bind(index, value);
            return this;
        }

        public <V> Bindings bindNullable(int index, V value, Class<V> type) {
            if (value == null) {
                statement.bindNull(index, type);
            } else {
                statement.bind(index, value);
            }
            return this;
        }
    }
}
