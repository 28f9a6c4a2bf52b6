package io.flexboard.agent.data.file;

import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file (RFC 4180, UTF-8, a byte order mark skipped) into a table: the first record names the
 * columns, every other record must have as many fields. A malformed file is refused naming its line.
 */
final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvTable() {
    }

    static Table read(Path file, String name) throws ConnectorException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()))) {
            reader.mark(1);
            if (reader.read() != BYTE_ORDER_MARK) {
                reader.reset();
            }
            return parse(FORMAT.parse(reader), name);
        } catch (CharacterCodingException e) {
            throw refused(name + " is not UTF-8 text");
        } catch (IOException | UncheckedIOException e) {
            throw refused(name + " is not well-formed CSV: " + e.getMessage());
        }
    }

    private static Table parse(CSVParser parser, String name) throws ConnectorException {
        List<String> names = null;
        List<String[]> rows = new ArrayList<>();
        for (CSVRecord record : parser) {
            if (names == null) {
                names = header(record, name);
                continue;
            }
            if (record.size() != names.size()) {
                throw refused(name + " line " + parser.getCurrentLineNumber() + " has " + record.size()
                        + " fields where the header has " + names.size());
            }
            rows.add(record.values());
        }
        if (names == null) {
            throw refused(name + " is empty: its first line must name the columns");
        }
        return CellTypes.typed(names, rows);
    }

    private static List<String> header(CSVRecord record, String name) throws ConnectorException {
        List<String> names = new ArrayList<>();
        for (int index = 0; index < record.size(); index++) {
            String column = record.get(index).strip();
            if (column.isEmpty()) {
                throw refused(name + ": column " + (index + 1) + " of the header has no name");
            }
            if (names.contains(column)) {
                throw refused(name + ": the header names column " + column + " twice");
            }
            names.add(column);
        }
        return names;
    }

    private static ConnectorException refused(String message) {
        return new ConnectorException(Failure.REFUSED, "the file " + message);
    }
}
