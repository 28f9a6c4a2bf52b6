package io.flexboard.agent.data.file;

import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;
import io.flexboard.agent.data.connector.QueryResult.Column;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.util.RecordFormatException;

/**
 * Reads one sheet of an Excel workbook (.xlsx, or .xls) into a table: the sheet's first row names the
 * columns. A cell's kind is POI's cell type (a formula by its cached value, never re-evaluated: no formula
 * runs in the agent); a date-formatted number is a date, or a date-time when it has a time of day. A column
 * mixing kinds is text.
 */
final class ExcelTable {

    private enum Kind { NUMBER, BOOLEAN, DATE, DATETIME, STRING }

    private ExcelTable() {
    }

    static Table read(Path file, String name, String sheetName) throws ConnectorException {
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = sheetName == null ? workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetAt(0)
                    : workbook.getSheet(sheetName);
            if (sheet == null) {
                throw refused(sheetName == null ? name + " has no sheet" : name + " has no sheet named " + sheetName);
            }
            return table(sheet, name);
        } catch (EncryptedDocumentException e) {
            throw refused(name + " is password-protected");
        } catch (IOException | POIXMLException | RecordFormatException | IllegalArgumentException e) {
            throw refused(name + " is not a readable Excel workbook");
        }
    }

    private static Table table(Sheet sheet, String name) throws ConnectorException {
        Row headerRow = sheet.getRow(sheet.getFirstRowNum());
        if (headerRow == null || headerRow.getLastCellNum() <= 0) {
            throw refused(name + ": sheet " + sheet.getSheetName() + " is empty, its first row must name the columns");
        }
        DataFormatter formatter = new DataFormatter();
        List<String> names = new ArrayList<>();
        for (int index = 0; index < headerRow.getLastCellNum(); index++) {
            String column = formatter.formatCellValue(headerRow.getCell(index)).strip();
            if (column.isEmpty()) {
                throw refused(name + ": column " + (index + 1) + " of the header has no name");
            }
            if (names.contains(column)) {
                throw refused(name + ": the header names column " + column + " twice");
            }
            names.add(column);
        }
        List<Object[]> rows = new ArrayList<>();
        List<Set<Kind>> kinds = new ArrayList<>();
        names.forEach(column -> kinds.add(EnumSet.noneOf(Kind.class)));
        for (int rowIndex = sheet.getFirstRowNum() + 1; rowIndex <= sheet.getLastRowNum(); rowIndex++) {
            Row row = sheet.getRow(rowIndex);
            if (row == null) {
                continue;
            }
            Object[] values = new Object[names.size()];
            boolean anyValue = false;
            for (int index = 0; index < values.length; index++) {
                values[index] = value(row.getCell(index));
                if (values[index] != null) {
                    anyValue = true;
                    kinds.get(index).add(kindOf(values[index]));
                }
            }
            if (anyValue) {
                rows.add(values);
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int index = 0; index < names.size(); index++) {
            Kind kind = unify(kinds.get(index));
            columns.add(new Column(names.get(index), kind.name().toLowerCase(Locale.ROOT)));
            for (Object[] row : rows) {
                row[index] = jsonReady(row[index], kind);
            }
        }
        return new Table(columns, rows);
    }

    /** The cell's value by POI's type: BigDecimal, Boolean, LocalDate, LocalDateTime, String, or null. */
    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime dateTime = cell.getLocalDateTimeCellValue();
                    yield dateTime.toLocalTime().equals(LocalTime.MIDNIGHT) ? dateTime.toLocalDate() : dateTime;
                }
                yield number(cell.getNumericCellValue());
            }
            case STRING -> {
                String text = cell.getStringCellValue();
                yield text.isBlank() ? null : text;
            }
            case BOOLEAN -> cell.getBooleanCellValue();
            default -> null;
        };
    }

    private static BigDecimal number(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }

    private static Kind kindOf(Object value) {
        if (value instanceof BigDecimal) {
            return Kind.NUMBER;
        }
        if (value instanceof Boolean) {
            return Kind.BOOLEAN;
        }
        if (value instanceof LocalDate) {
            return Kind.DATE;
        }
        if (value instanceof LocalDateTime) {
            return Kind.DATETIME;
        }
        return Kind.STRING;
    }

    private static Kind unify(Set<Kind> kinds) {
        if (kinds.size() == 1) {
            return kinds.iterator().next();
        }
        return kinds.equals(EnumSet.of(Kind.DATE, Kind.DATETIME)) ? Kind.DATETIME : Kind.STRING;
    }

    private static Object jsonReady(Object value, Kind kind) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date && kind == Kind.DATETIME) {
            return date.atStartOfDay().toString();
        }
        if (value instanceof BigDecimal decimal) {
            return kind == Kind.NUMBER ? decimal : decimal.toPlainString();
        }
        return kind == Kind.BOOLEAN ? value : value.toString();
    }

    private static ConnectorException refused(String message) {
        return new ConnectorException(Failure.REFUSED, "the file " + message);
    }
}
