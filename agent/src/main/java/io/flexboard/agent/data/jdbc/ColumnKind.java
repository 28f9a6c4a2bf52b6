package io.flexboard.agent.data.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** How a column's JDBC type is shown to the viewer, and how its values are read into JSON-ready Java values. */
enum ColumnKind {
    TEXT("string"),
    INTEGER("number"),
    DECIMAL("number"),
    FLOAT("number"),
    BOOLEAN("boolean"),
    DATE("date"),
    DATETIME("datetime"),
    DATETIME_WITH_OFFSET("datetime"),
    TIME("time"),
    TIME_WITH_OFFSET("time"),
    JSON("json");

    /** SQL Server's datetimeoffset (microsoft.sql.Types.DATETIMEOFFSET). */
    private static final int SQLSERVER_DATETIMEOFFSET = -155;

    private final String viewerType;

    ColumnKind(String viewerType) {
        this.viewerType = viewerType;
    }

    /** One of the viewer's column types: string, number, boolean, date, datetime, time, json. */
    String viewerType() {
        return viewerType;
    }

    /** The kind of a result column; empty for binary columns, which have no JSON form a dashboard can use. */
    static Optional<ColumnKind> of(ResultSetMetaData metadata, int column) throws SQLException {
        String typeName = String.valueOf(metadata.getColumnTypeName(column)).toLowerCase(Locale.ROOT);
        return switch (metadata.getColumnType(column)) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Optional.empty();
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Optional.of(INTEGER);
            case Types.DECIMAL, Types.NUMERIC -> Optional.of(DECIMAL);
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> Optional.of(FLOAT);
            // bit(n) longer than one bit is a bit string, not a truth value.
            case Types.BIT, Types.BOOLEAN -> Optional.of(metadata.getPrecision(column) > 1 ? TEXT : BOOLEAN);
            case Types.DATE -> Optional.of(DATE);
            // PostgreSQL reports timestamptz and timetz with the plain type codes.
            case Types.TIMESTAMP -> Optional.of(typeName.equals("timestamptz") ? DATETIME_WITH_OFFSET : DATETIME);
            case Types.TIMESTAMP_WITH_TIMEZONE, SQLSERVER_DATETIMEOFFSET -> Optional.of(DATETIME_WITH_OFFSET);
            case Types.TIME -> Optional.of(typeName.equals("timetz") ? TIME_WITH_OFFSET : TIME);
            case Types.TIME_WITH_TIMEZONE -> Optional.of(TIME_WITH_OFFSET);
            default -> Optional.of(typeName.equals("json") || typeName.equals("jsonb") ? JSON : TEXT);
        };
    }

    /** The value in JSON-ready form: String, Long, BigDecimal, Double, Boolean, ISO-8601 text, or null. */
    Object read(ResultSet row, int column) throws SQLException {
        return switch (this) {
            case TEXT, JSON -> row.getString(column);
            case INTEGER -> integer(row.getObject(column));
            case DECIMAL -> row.getBigDecimal(column);
            case FLOAT -> {
                double value = row.getDouble(column);
                // NaN and infinity have no JSON form.
                yield row.wasNull() || !Double.isFinite(value) ? null : value;
            }
            case BOOLEAN -> {
                boolean value = row.getBoolean(column);
                yield row.wasNull() ? null : value;
            }
            case DATE -> text(row.getObject(column, LocalDate.class), DateTimeFormatter.ISO_LOCAL_DATE);
            case DATETIME -> text(row.getObject(column, LocalDateTime.class), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            case DATETIME_WITH_OFFSET -> text(row.getObject(column, OffsetDateTime.class), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case TIME -> text(row.getObject(column, LocalTime.class), DateTimeFormatter.ISO_LOCAL_TIME);
            case TIME_WITH_OFFSET -> text(row.getObject(column, OffsetTime.class), DateTimeFormatter.ISO_OFFSET_TIME);
        };
    }

    private static Object integer(Object value) {
        if (value instanceof BigInteger big) {
            // An unsigned BIGINT past Long's range stays exact as a decimal.
            return big.bitLength() < Long.SIZE ? (Object) big.longValue() : new BigDecimal(big);
        }
        return value == null ? null : ((Number) value).longValue();
    }

    private static String text(java.time.temporal.TemporalAccessor value, DateTimeFormatter format) {
        return value == null ? null : format.format(value);
    }
}
