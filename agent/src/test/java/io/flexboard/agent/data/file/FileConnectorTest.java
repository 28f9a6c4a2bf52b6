package io.flexboard.agent.data.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;
import io.flexboard.agent.data.connector.DataRequest;
import io.flexboard.agent.data.connector.QueryResult;
import io.flexboard.agent.data.connector.QueryResult.Column;
import io.flexboard.agent.data.source.DataSourceDefinition;
import io.flexboard.agent.data.source.DataSourceDefinition.ConnectionSettings;
import io.flexboard.agent.data.source.DataSourceDefinition.Options;
import io.flexboard.agent.data.source.DataSourceType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV and Excel connector over files the test writes into a temporary directory. */
class FileConnectorTest {

    private static final String SALES_CSV = """
            region,revenue,active,day,code,note,updated
            North,120.50,true,2026-01-15,02134,,2026-01-15T10:30:00
            South,80,false,2026-01-16,10001,"says ""hi"", twice",2026-01-16T08:00:00
            East,300,TRUE,2026-02-01,00501,,2026-02-01T00:00:00
            West,12,false,2026-02-02,94105,late,2026-02-02T23:59:59
            """;

    @TempDir
    Path temp;
    private Path directory;
    private FileConnector connector;

    @BeforeEach
    void writeFiles() throws IOException {
        directory = Files.createDirectory(temp.resolve("data"));
        Files.writeString(temp.resolve("secret.csv"), "password\nhunter2-outside\n");
        Files.write(directory.resolve("sales.csv"), withByteOrderMark(SALES_CSV));
        connector = csvSource(directory.toString());
    }

    @AfterEach
    void close() {
        connector.close();
    }

    private FileConnector csvSource(String url) {
        return FileConnector.open(source(DataSourceType.CSV, url));
    }

    private DataSourceDefinition source(DataSourceType type, String url) {
        return new DataSourceDefinition("files", "Files", type,
                new ConnectionSettings(null, null, null, null, null, url, null, null),
                new Options(false, Duration.ofSeconds(5), 5), temp);
    }

    private static byte[] withByteOrderMark(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[body.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(body, 0, marked, 3, body.length);
        return marked;
    }

    private static DataRequest file(String name, String query, Map<String, Object> parameters, int maxRows) {
        return new DataRequest(query, null, name, null, parameters, maxRows);
    }

    private static DataRequest file(String name) {
        return file(name, null, Map.of(), 100);
    }

    private static ConnectorException failureOf(FileConnector connector, DataRequest request) {
        ConnectorException failure = catchThrowableOfType(() -> connector.read(request), ConnectorException.class);
        assertThat(failure).as("the read fails").isNotNull();
        assertThat(failure.getMessage()).doesNotContain("hunter2");
        return failure;
    }

    @Test
    void a_csv_file_gives_its_header_as_columns_and_each_column_a_type_from_its_values() throws ConnectorException {
        QueryResult result = connector.read(file("sales.csv"));

        assertThat(result.columns()).containsExactly(new Column("region", "string"), new Column("revenue", "number"),
                new Column("active", "boolean"), new Column("day", "date"), new Column("code", "string"),
                new Column("note", "string"), new Column("updated", "datetime"));
        assertThat(result.rows()).hasSize(4);
        Map<String, Object> north = result.rows().get(0);
        assertThat(north).containsEntry("region", "North").containsEntry("revenue", new BigDecimal("120.50"))
                .containsEntry("active", true).containsEntry("day", "2026-01-15").containsEntry("code", "02134")
                .containsEntry("note", null).containsEntry("updated", "2026-01-15T10:30:00");
        assertThat(result.rows().get(1)).containsEntry("note", "says \"hi\", twice");
        assertThat(result.rows().get(2)).containsEntry("active", true);
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void the_query_selects_columns_filters_by_placeholders_and_literals_sorts_and_limits() throws ConnectorException {
        String query = """
                {"columns": ["region", "revenue"],
                 "where": {"region": "{region}", "active": false},
                 "sort": [{"field": "revenue", "order": "desc"}],
                 "limit": 1}""";

        QueryResult result = connector.read(file("sales.csv", query, Map.of("region", List.of("South", "West", "North")), 100));

        assertThat(result.columns()).containsExactly(new Column("region", "string"), new Column("revenue", "number"));
        assertThat(result.rows()).containsExactly(Map.of("region", "South", "revenue", new BigDecimal("80")));
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void a_number_column_matches_a_value_however_it_is_written_and_sorts_numerically() throws ConnectorException {
        String query = """
                {"columns": ["region"], "where": {"revenue": ["{min}", 12.0, "80"]},
                 "sort": [{"field": "revenue"}]}""";

        QueryResult result = connector.read(file("sales.csv", query, Map.of("min", new BigDecimal("120.5")), 100));

        assertThat(result.rows()).extracting(row -> row.get("region")).containsExactly("West", "South", "North");
    }

    @Test
    void a_date_parameter_matches_a_date_column() throws ConnectorException {
        QueryResult result = connector.read(file("sales.csv", "{\"where\": {\"day\": \"{day}\"}, \"columns\": [\"region\"]}",
                Map.of("day", LocalDate.of(2026, 2, 1)), 100));

        assertThat(result.rows()).containsExactly(Map.of("region", "East"));
    }

    @Test
    void a_hostile_parameter_value_is_compared_as_plain_text_and_matches_nothing() throws ConnectorException {
        for (String hostile : List.of("North\", \"South", "{region}", "*", "North' OR '1'='1", ".*")) {
            QueryResult result = connector.read(file("sales.csv", "{\"where\": {\"region\": \"{region}\"}}",
                    Map.of("region", hostile), 100));

            assertThat(result.rows()).as(hostile).isEmpty();
        }
    }

    @Test
    void a_query_naming_an_unknown_column_is_refused_naming_the_column() {
        for (String query : List.of("{\"columns\": [\"profit\"]}", "{\"where\": {\"profit\": 1}}",
                "{\"sort\": [{\"field\": \"profit\"}]}")) {
            assertThat(failureOf(connector, file("sales.csv", query, Map.of(), 100)))
                    .as(query).hasMessageContaining("profit").hasMessageContaining("sales.csv")
                    .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
        }
    }

    @Test
    void a_malformed_query_is_refused_saying_what_is_wrong() {
        Map<String, String> queries = Map.of(
                "{\"filter\": {}}", "unknown key \"filter\"",
                "{\"where\": ", "not valid JSON",
                "[1]", "JSON object",
                "{\"where\": {\"region\": \"North {region}\"}}", "whole value",
                "{\"where\": {\"region\": {\"$ne\": 1}}}", "\"where\".region",
                "{\"sort\": [{\"field\": \"revenue\", \"order\": \"sideways\"}]}", "\"sort\"",
                "{\"limit\": -1}", "\"limit\"",
                "{\"limit\": 1.5}", "\"limit\"",
                "{\"sheet\": \"Sheet1\"}", "Excel files only");
        queries.forEach((query, why) -> assertThat(failureOf(connector, file("sales.csv", query, Map.of(), 100)))
                .as(query).hasMessageContaining(why).extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED));
    }

    @Test
    void a_placeholder_without_a_value_is_refused_naming_it() {
        assertThat(failureOf(connector, file("sales.csv", "{\"where\": {\"region\": \"{region}\"}}", Map.of(), 100)))
                .hasMessageContaining("{region}").extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
    }

    @Test
    void a_file_name_that_climbs_out_or_is_absolute_is_refused() throws IOException {
        Files.createDirectory(directory.resolve("sub"));
        for (String hostile : List.of("../secret.csv", "sub/../../secret.csv", temp.resolve("secret.csv").toString(),
                "%2e%2e/secret.csv", "..%2Fsecret.csv", "..\\secret.csv", "./sales.csv", "sub//sales.csv",
                "sales.csv\0.csv")) {
            assertThat(failureOf(connector, file(hostile)).failure()).as(hostile).isEqualTo(Failure.REFUSED);
        }
    }

    @Test
    void a_symbolic_link_leading_out_of_the_directory_is_refused_and_one_inside_is_followed() throws Exception {
        Files.createSymbolicLink(directory.resolve("escape.csv"), temp.resolve("secret.csv"));
        Files.createSymbolicLink(directory.resolve("alias.csv"), directory.resolve("sales.csv"));
        Files.createSymbolicLink(directory.resolve("up"), temp);

        assertThat(failureOf(connector, file("escape.csv"))).hasMessageContaining("leads outside")
                .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
        assertThat(failureOf(connector, file("up/secret.csv"))).hasMessageContaining("leads outside")
                .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
        assertThat(connector.read(file("alias.csv")).rows()).hasSize(4);
    }

    @Test
    void a_file_of_another_type_is_refused_naming_the_expected_extension() throws IOException {
        Files.writeString(directory.resolve("sales.txt"), SALES_CSV);

        assertThat(failureOf(connector, file("sales.txt"))).hasMessageContaining(".csv")
                .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
        try (FileConnector excel = FileConnector.open(source(DataSourceType.EXCEL, directory.toString()))) {
            assertThat(failureOf(excel, file("sales.csv"))).hasMessageContaining(".xlsx")
                    .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
        }
    }

    @Test
    void a_missing_file_is_refused_naming_it() {
        assertThat(failureOf(connector, file("budget.csv"))).hasMessageContaining("budget.csv")
                .hasMessageContaining("does not exist").extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
    }

    @Test
    void a_malformed_csv_is_refused_naming_the_file_and_what_is_wrong() throws IOException {
        Files.writeString(directory.resolve("quote.csv"), "a,b\n1,\"never closed\n2,3\n");
        Files.writeString(directory.resolve("ragged.csv"), "a,b\n1,2\n3,4,5\n");
        Files.writeString(directory.resolve("twice.csv"), "a,a\n1,2\n");
        Files.writeString(directory.resolve("empty.csv"), "");
        Files.write(directory.resolve("latin1.csv"), "name\nM\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1));

        assertRefused("quote.csv", "not well-formed CSV");
        assertRefused("ragged.csv", "line 3 has 3 fields where the header has 2");
        assertRefused("twice.csv", "column a twice");
        assertRefused("empty.csv", "is empty");
        assertRefused("latin1.csv", "not UTF-8");
    }

    private void assertRefused(String name, String why) {
        assertThat(failureOf(connector, file(name))).as(name).hasMessageContaining(name).hasMessageContaining(why)
                .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
    }

    @Test
    void a_file_over_fifty_mebibytes_is_refused_with_its_size() throws IOException {
        try (RandomAccessFile huge = new RandomAccessFile(directory.resolve("huge.csv").toFile(), "rw")) {
            huge.setLength(51L * 1024 * 1024);
        }

        assertThat(failureOf(connector, file("huge.csv"))).hasMessageContaining("huge.csv")
                .hasMessageContaining("51.0 MiB").hasMessageContaining("50 MiB")
                .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
    }

    @Test
    void an_unchanged_file_is_served_from_the_parsed_cache_and_a_changed_one_is_read_again() throws Exception {
        Path sales = directory.resolve("sales.csv");
        FileTime modified = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(sales, modified);
        assertThat(connector.read(file("sales.csv")).rows().get(0)).containsEntry("region", "North");

        // Same size and time: the agent cannot tell it changed, so the cached parse answers (no re-parse).
        Files.write(sales, withByteOrderMark(SALES_CSV.replace("North", "Nord!")));
        Files.setLastModifiedTime(sales, modified);
        assertThat(connector.read(file("sales.csv")).rows().get(0)).containsEntry("region", "North");

        Files.write(sales, withByteOrderMark(SALES_CSV.replace("North", "Northwest")));
        assertThat(connector.read(file("sales.csv")).rows().get(0)).containsEntry("region", "Northwest");
    }

    @Test
    void rows_beyond_the_cap_are_dropped_and_the_result_says_truncated_but_a_query_limit_is_not_a_truncation()
            throws ConnectorException {
        QueryResult capped = connector.read(file("sales.csv", null, Map.of(), 3));
        QueryResult limited = connector.read(file("sales.csv", "{\"limit\": 2}", Map.of(), 3));

        assertThat(capped.rows()).extracting(row -> row.get("region")).containsExactly("North", "South", "East");
        assertThat(capped.truncated()).isTrue();
        assertThat(limited.rows()).hasSize(2);
        assertThat(limited.truncated()).isFalse();
    }

    @Test
    void a_relative_directory_is_found_next_to_the_data_sources_file() throws ConnectorException {
        try (FileConnector relative = csvSource("data")) {
            assertThat(relative.read(file("sales.csv")).rows()).hasSize(4);
        }
    }

    @Test
    void a_missing_directory_answers_unreachable() {
        try (FileConnector gone = csvSource(temp.resolve("unmounted").toString())) {
            assertThat(failureOf(gone, file("sales.csv")).failure()).isEqualTo(Failure.UNREACHABLE);
        }
    }

    @Test
    void many_concurrent_readers_of_a_cold_file_all_get_the_same_rows() throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(16);
        try {
            List<Future<QueryResult>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(readers.submit(() -> connector.read(file("sales.csv"))));
            }
            for (Future<QueryResult> result : results) {
                assertThat(result.get().rows()).hasSize(4);
            }
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void an_excel_sheet_gives_typed_columns_from_poi_cell_types_and_cached_formula_values() throws Exception {
        writeWorkbook(directory.resolve("sales.xlsx"));

        try (FileConnector excel = FileConnector.open(source(DataSourceType.EXCEL, directory.toString()))) {
            QueryResult result = excel.read(file("sales.xlsx"));

            assertThat(result.columns()).containsExactly(new Column("region", "string"), new Column("revenue", "number"),
                    new Column("double", "number"), new Column("active", "boolean"), new Column("day", "date"),
                    new Column("at", "datetime"), new Column("code", "string"));
            assertThat(result.rows()).hasSize(2);
            assertThat(result.rows().get(0)).containsEntry("region", "North").containsEntry("revenue", new BigDecimal("120.5"))
                    .containsEntry("double", new BigDecimal("241")).containsEntry("active", true)
                    .containsEntry("day", "2026-01-15").containsEntry("at", "2026-01-15T10:30")
                    .containsEntry("code", "A1");
            assertThat(result.rows().get(1)).containsEntry("code", "7").containsEntry("double", new BigDecimal("160"));

            QueryResult targets = excel.read(file("sales.xlsx", "{\"sheet\": \"Targets\", \"where\": {\"region\": \"{r}\"}}",
                    Map.of("r", "South"), 100));
            assertThat(targets.rows()).containsExactly(Map.of("region", "South", "target", new BigDecimal("90")));

            assertThat(failureOf(excel, file("sales.xlsx", "{\"sheet\": \"Budget\"}", Map.of(), 100)))
                    .hasMessageContaining("no sheet named Budget").extracting(ConnectorException::failure)
                    .isEqualTo(Failure.REFUSED);
        }
    }

    @Test
    void a_file_named_xlsx_that_is_no_workbook_is_refused() throws IOException {
        Files.writeString(directory.resolve("fake.xlsx"), SALES_CSV);

        try (FileConnector excel = FileConnector.open(source(DataSourceType.EXCEL, directory.toString()))) {
            assertThat(failureOf(excel, file("fake.xlsx"))).hasMessageContaining("fake.xlsx")
                    .hasMessageContaining("not a readable Excel workbook")
                    .extracting(ConnectorException::failure).isEqualTo(Failure.REFUSED);
        }
    }

    @Test
    void an_old_xls_workbook_is_read_too() throws Exception {
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(directory.resolve("old.xls"))) {
            Sheet sheet = workbook.createSheet("Old");
            sheet.createRow(0).createCell(0).setCellValue("region");
            sheet.getRow(0).createCell(1).setCellValue("revenue");
            sheet.createRow(1).createCell(0).setCellValue("North");
            sheet.getRow(1).createCell(1).setCellValue(42.25);
            workbook.write(out);
        }

        try (FileConnector excel = FileConnector.open(source(DataSourceType.EXCEL, directory.toString()))) {
            assertThat(excel.read(file("old.xls")).rows())
                    .containsExactly(Map.of("region", "North", "revenue", new BigDecimal("42.25")));
        }
    }

    private static void writeWorkbook(Path target) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(target)) {
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTimeStyle = workbook.createCellStyle();
            dateTimeStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));

            Sheet sales = workbook.createSheet("Sales");
            Row header = sales.createRow(0);
            String[] names = {"region", "revenue", "double", "active", "day", "at", "code"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Object[][] rows = {
                    {"North", 120.5, true, LocalDate.of(2026, 1, 15), LocalDateTime.of(2026, 1, 15, 10, 30), "A1"},
                    {"South", 80.0, false, LocalDate.of(2026, 1, 16), LocalDateTime.of(2026, 1, 16, 8, 0), 7.0}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sales.createRow(r + 1);
                row.createCell(0).setCellValue((String) rows[r][0]);
                row.createCell(1).setCellValue((Double) rows[r][1]);
                row.createCell(2).setCellFormula("B" + (r + 2) + "*2");
                row.createCell(3).setCellValue((Boolean) rows[r][2]);
                row.createCell(4).setCellValue((LocalDate) rows[r][3]);
                row.getCell(4).setCellStyle(dateStyle);
                row.createCell(5).setCellValue((LocalDateTime) rows[r][4]);
                row.getCell(5).setCellStyle(dateTimeStyle);
                if (rows[r][5] instanceof String text) {
                    row.createCell(6).setCellValue(text);
                } else {
                    row.createCell(6).setCellValue((Double) rows[r][5]);
                }
            }
            Sheet targets = workbook.createSheet("Targets");
            targets.createRow(0).createCell(0).setCellValue("region");
            targets.getRow(0).createCell(1).setCellValue("target");
            targets.createRow(1).createCell(0).setCellValue("North");
            targets.getRow(1).createCell(1).setCellValue(150);
            targets.createRow(2).createCell(0).setCellValue("South");
            targets.getRow(2).createCell(1).setCellValue(90);
            XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
            workbook.write(out);
        }
    }
}
