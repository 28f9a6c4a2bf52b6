package io.flexboard.agent.data.jdbc;

import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.QueryResult;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a result set into the viewer's columns and rows, at most the row cap, telling whether there were more. */
final class ResultMapper {

    private ResultMapper() {
    }

    static QueryResult read(ResultSet resultSet, int maxRows) throws SQLException, ConnectorException {
        ResultSetMetaData metadata = resultSet.getMetaData();
        int count = metadata.getColumnCount();
        List<String> names = uniqueNames(metadata);
        List<ColumnKind> kinds = new ArrayList<>(count);
        List<QueryResult.Column> columns = new ArrayList<>(count);
        for (int column = 1; column <= count; column++) {
            String name = names.get(column - 1);
            ColumnKind kind = ColumnKind.of(metadata, column).orElseThrow(() -> new ConnectorException(
                    ConnectorException.Failure.REFUSED, "column '" + name + "' is binary data, which a widget cannot"
                    + " show; leave it out or convert it to text in the query"));
            kinds.add(kind);
            columns.add(new QueryResult.Column(name, kind.viewerType()));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rows.size() < maxRows && resultSet.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int column = 1; column <= count; column++) {
                row.put(names.get(column - 1), kinds.get(column - 1).read(resultSet, column));
            }
            rows.add(row);
        }
        boolean truncated = rows.size() == maxRows && resultSet.next();
        return new QueryResult(columns, rows, truncated);
    }

    /** Column labels as written; a repeated label gets {@code _2}, {@code _3}… so that no value hides another. */
    private static List<String> uniqueNames(ResultSetMetaData metadata) throws SQLException {
        List<String> names = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int column = 1; column <= metadata.getColumnCount(); column++) {
            String label = metadata.getColumnLabel(column);
            String name = label;
            for (int suffix = 2; !taken.add(name); suffix++) {
                name = label + "_" + suffix;
            }
            names.add(name);
        }
        return names;
    }
}
