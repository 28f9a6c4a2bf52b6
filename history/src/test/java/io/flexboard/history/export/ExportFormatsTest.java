package io.flexboard.history.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flexboard.fold.EventHistory;
import io.flexboard.fold.TenantStory;
import io.flexboard.schemas.EventEnvelope;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import tools.jackson.databind.JsonNode;

/** Every format, read back the way an analyst's tool would read it. */
@EmbeddedKafka
class ExportFormatsTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static EmbeddedKafkaBroker broker;
    private static EventHistory history;
    private static TenantStory acme;

    @TempDir
    Path dir;

    @BeforeAll
    static void twoTenantsWithPublishedDashboards() {
        broker = EmbeddedKafkaCondition.getBroker();
        history = new EventHistory(START, Duration.ofSeconds(90));
        acme = history.newTenant("Acme").withPublishedDashboard("Sales").withPublishedDashboard("Ops");
        history.newTenant("Globex").withPublishedDashboard("Sales");
        try (EventsTopic topic = EventsTopic.create(broker, "formats")) {
            topic.send(history.events());
        }
    }

    @Test
    void given_json_lines_then_one_object_per_event_with_the_envelope_the_type_and_the_payload_with_configs_as_objects() throws Exception {
        Path output = dir.resolve("events.jsonl");

        export("--format=jsonl", "--output=" + output);

        Map<String, JsonNode> lines = byEventId(JsonLines.read(output));
        assertThat(lines).hasSize(history.events().size());
        EventEnvelope created = acme.events().get(0);
        JsonNode tenantCreated = lines.get(created.getEventId());
        assertThat(tenantCreated.get("tenant_id").asString()).isEqualTo(acme.tenantId);
        assertThat(tenantCreated.get("sequence").asLong()).isZero();
        assertThat(tenantCreated.get("occurred_at").asString()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(tenantCreated.get("actor").asString()).isEqualTo("alice");
        assertThat(tenantCreated.get("correlation_id").asString()).isEqualTo(created.getCorrelationId());
        assertThat(tenantCreated.get("type").asString()).isEqualTo("tenant_created");
        assertThat(tenantCreated.get("payload").get("max_widgets_per_dashboard").asInt()).isEqualTo(20);
        assertThat(lines.get(acme.events().get(1).getEventId()).get("occurred_at").asString()).isEqualTo("2026-11-01T00:01:30Z");

        JsonNode widgetsReplaced = lines.get(acme.events().get(3).getEventId());
        assertThat(widgetsReplaced.get("type").asString()).isEqualTo("widgets_replaced");
        JsonNode widget = widgetsReplaced.get("payload").get("widgets").get(0);
        assertThat(widget.has("config_json")).isFalse();
        assertThat(widget.get("config").isObject()).isTrue();
        assertThat(widget.get("config").get("query").asString()).startsWith("SELECT month");
        assertThat(widget.get("config").get("refreshInterval").asInt()).isEqualTo(60000);
        assertThat(widget.get("position_x").asInt()).isZero();

        JsonNode draft = lines.get(acme.events().get(8).getEventId());
        assertThat(draft.get("type").asString()).isEqualTo("draft_saved");
        assertThat(draft.get("payload").get("parent_version").asInt()).isEqualTo(1);
        assertThat(draft.get("payload").get("restored_from_version").isNull()).isTrue();
        assertThat(draft.get("payload").get("metadata").get("widgets")).hasSize(4);
        assertThat(draft.get("payload").get("metadata").get("widgets").get(3).get("config").get("type").asString()).isEqualTo("kpi");
        assertThat(lines.get(acme.events().get(10).getEventId()).get("type").asString()).isEqualTo("version_published");
        assertThat(lines.get(acme.events().get(9).getEventId()).get("type").asString()).isEqualTo("version_archived");
    }

    @Test
    void given_csv_then_a_header_and_one_rfc4180_row_per_event_whose_payload_column_is_the_json_lines_payload() throws Exception {
        Path csv = dir.resolve("events.csv");
        Path jsonl = dir.resolve("events-for-csv.jsonl");

        export("--format=csv", "--output=" + csv);
        export("--format=jsonl", "--output=" + jsonl);

        List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        assertThat(String.join(",", rows.get(0))).isEqualTo(CsvWriter.HEADER);
        assertThat(rows).hasSize(history.events().size() + 1);
        Map<String, JsonNode> jsonLines = byEventId(JsonLines.read(jsonl));
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).hasSize(8);
            JsonNode line = jsonLines.get(row.get(0));
            assertThat(row.get(1)).isEqualTo(line.get("tenant_id").asString());
            assertThat(row.get(2)).isEqualTo(line.get("sequence").asString());
            assertThat(row.get(3)).isEqualTo(line.get("occurred_at").asString());
            assertThat(row.get(4)).isEqualTo(line.get("actor").asString());
            assertThat(row.get(5)).isEqualTo(line.get("correlation_id").asString());
            assertThat(row.get(6)).isEqualTo(line.get("type").asString());
            assertThat(JsonLines.tree(row.get(7))).isEqualTo(line.get("payload"));
        }
        // A payload with commas and quotes (a widget's query, inside its JSON config) made it through the quoting intact.
        String widgetsReplaced = acme.events().get(3).getEventId();
        List<String> row = rows.stream().filter(r -> r.get(0).equals(widgetsReplaced)).findFirst().orElseThrow();
        assertThat(JsonLines.tree(row.get(7)).get("widgets").get(0).get("config").get("query").asString())
                .isEqualTo("SELECT month, total FROM sales_by_month");
    }

    @Test
    void given_avro_then_an_object_container_file_with_the_envelope_schema_and_every_event_as_sent() throws Exception {
        Path output = dir.resolve("events.avro");

        export("--format=avro", "--output=" + output);

        try (DataFileReader<GenericRecord> generic = new DataFileReader<>(output.toFile(), new GenericDatumReader<>())) {
            assertThat(generic.getSchema()).isEqualTo(EventEnvelope.getClassSchema());
            assertThat(generic.getMetaString(DataFileConstants.CODEC)).isEqualTo("deflate");
        }
        assertThat(readAvro(output.toFile())).containsExactlyInAnyOrderElementsOf(history.events());
    }

    @Test
    void given_avro_with_snappy_then_the_file_says_snappy_and_reads_back() throws Exception {
        Path output = dir.resolve("events-snappy.avro");

        export("--format=avro", "--avro-codec=snappy", "--output=" + output);

        try (DataFileReader<GenericRecord> generic = new DataFileReader<>(output.toFile(), new GenericDatumReader<>())) {
            assertThat(generic.getMetaString(DataFileConstants.CODEC)).isEqualTo("snappy");
        }
        assertThat(readAvro(output.toFile())).containsExactlyInAnyOrderElementsOf(history.events());
    }

    @Test
    void given_output_dash_then_the_export_goes_to_standard_output_and_the_summary_to_standard_error() throws Exception {
        Path file = dir.resolve("file.jsonl");
        export("--format=jsonl", "--output=" + file);

        Exports.Result result = Exports.execute("export", "--bootstrap-servers=" + broker.getBrokersAsString(), "--topic=formats",
                "--format=jsonl", "--output=-");

        assertThat(result.exitCode()).isZero();
        assertThat(byEventId(JsonLines.parse(result.stdout()))).isEqualTo(byEventId(JsonLines.read(file)));
        assertThat(result.stderrLines().get(result.stderrLines().size() - 1))
                .startsWith("Exported " + history.events().size() + " events to standard output");
    }

    private static List<EventEnvelope> readAvro(File file) throws Exception {
        List<EventEnvelope> events = new ArrayList<>();
        SpecificDatumReader<EventEnvelope> reader = new SpecificDatumReader<>(EventEnvelope.getClassSchema(),
                EventEnvelope.getClassSchema(), SpecificData.getForClass(EventEnvelope.class));
        try (DataFileReader<EventEnvelope> specific = new DataFileReader<>(file, reader)) {
            specific.forEach(events::add);
        }
        return events;
    }

    private static Map<String, JsonNode> byEventId(List<JsonNode> lines) {
        Map<String, JsonNode> byId = new HashMap<>();
        lines.forEach(line -> byId.put(line.get("event_id").asString(), line));
        return byId;
    }

    private static void export(String... options) {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers=" + broker.getBrokersAsString(), "--topic=formats"));
        args.addAll(List.of(options));
        Exports.run(args.toArray(String[]::new));
    }
}
