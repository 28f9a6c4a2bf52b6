package io.flexboard.history.export;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the tests: CRLF after every row, quoted fields with doubled quotes. */
final class Csv {

    private Csv() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.isEmpty()) {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new AssertionError("unterminated quoted field in row " + (rows.size() + 1));
                    }
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(q);
                    }
                }
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new AssertionError("a bare CR in row " + (rows.size() + 1));
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else if (c == '\n' || c == '"') {
                throw new AssertionError("'" + c + "' outside quotes in row " + (rows.size() + 1));
            } else {
                field.append(c);
                i++;
            }
        }
        if (!row.isEmpty() || !field.isEmpty()) {
            throw new AssertionError("the last row does not end with CRLF");
        }
        return rows;
    }
}
