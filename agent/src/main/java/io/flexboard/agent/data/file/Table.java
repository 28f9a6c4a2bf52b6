package io.flexboard.agent.data.file;

import io.flexboard.agent.data.connector.QueryResult.Column;

import java.util.List;

/**
 * A parsed file: typed columns and the rows' values, JSON-ready (BigDecimal, Boolean, ISO text for dates,
 * String, null), each row's values in column order. Immutable once built: one cached table serves many reads.
 */
record Table(List<Column> columns, List<Object[]> rows) {

    Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    int indexOf(String column) {
        for (int index = 0; index < columns.size(); index++) {
            if (columns.get(index).name().equals(column)) {
                return index;
            }
        }
        return -1;
    }
}
