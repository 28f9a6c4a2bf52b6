package io.flexboard.agent.data.jdbc;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A statement ready to run: SQL text with {@code ?} and the values for them, in order.
 *
 * @param values String, BigDecimal, LocalDate, or null (an empty multiselect)
 */
record BoundStatement(String sql, List<Object> values) {

    BoundStatement {
        // List.copyOf refuses the null an empty multiselect binds.
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    void bindTo(PreparedStatement statement) throws SQLException {
        for (int index = 0; index < values.size(); index++) {
            int parameter = index + 1;
            Object value = values.get(index);
            if (value == null) {
                statement.setNull(parameter, Types.VARCHAR);
            } else if (value instanceof BigDecimal number) {
                statement.setBigDecimal(parameter, number);
            } else if (value instanceof LocalDate date) {
                statement.setObject(parameter, date);
            } else {
                statement.setString(parameter, (String) value);
            }
        }
    }
}
