package io.flexboard.projector.projection;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

/**
 * Rows bound as one array per column and unnested side by side ({@code unnest(:a::uuid[], :b::text[])}):
 * any number of rows is one statement, one round trip and one result. Per row, a driver binding
 * costs far more than the row (the batch of a rebuild is thousands of rows), so every write of a
 * {@link BatchProjection} goes this way. {@link #select()} is the rows as a query to insert from or
 * join an update with; its columns have the names given here.
 */
public final class RowArrays<T> {

    private final List<T> rows;
    private final List<Column> columns = new ArrayList<>();

    private RowArrays(Collection<T> rows) {
        this.rows = List.copyOf(rows);
    }

    public static <T> RowArrays<T> of(Collection<T> rows) {
        return new RowArrays<>(rows);
    }

    /** A column of SQL type {@code sqlType} (an array of it is bound), selected as it is. */
    public <V> RowArrays<T> column(String name, String sqlType, Class<V> type, Function<? super T, V> value) {
        return column(name, sqlType, type, value, "%s");
    }

    /**
     * A column bound as an array of {@code sqlType} and selected as {@code expression} of it
     * ({@code %s} stands for the bound value), for types the driver binds no arrays of:
     * {@code %s::jsonb} from text, {@code decode(%s, 'base64')} for bytes.
     */
    public <V> RowArrays<T> column(String name, String sqlType, Class<V> type, Function<? super T, V> value, String expression) {
        @SuppressWarnings("unchecked")
        V[] values = (V[]) Array.newInstance(type, rows.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(rows.get(i));
        }
        columns.add(new Column(name, sqlType, values, expression));
        return this;
    }

    /** The column names, comma-separated, for an insert's column list. */
    public String names() {
        return String.join(", ", columnNames());
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** {@code select <expressions> from unnest(<arrays>) as r(<names>)}. */
    public String select() {
        List<String> expressions = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        for (Column column : columns) {
            expressions.add(String.format(column.expression(), "r." + column.name()) + " as " + column.name());
            arrays.add(":" + column.name() + "::" + column.sqlType() + "[]");
        }
        return "select " + String.join(", ", expressions) + " from unnest(" + String.join(", ", arrays) + ") as r(" + names() + ")";
    }

    /** Executes {@code sql} (which uses {@link #select()}) with the arrays bound; nothing at all for no rows. */
    public Mono<Long> execute(DatabaseClient database, String sql) {
        if (rows.isEmpty()) {
            return Mono.just(0L);
        }
        return boundTo(database, sql).fetch().rowsUpdated();
    }

    /** {@code sql} (which uses {@link #select()}) with the arrays bound, for more bindings; runs even for no rows. */
    public GenericExecuteSpec boundTo(DatabaseClient database, String sql) {
        GenericExecuteSpec statement = database.sql(sql);
        for (Column column : columns) {
            statement = statement.bind(column.name(), column.values());
        }
        return statement;
    }

    private record Column(String name, String sqlType, Object[] values, String expression) {
    }
}
