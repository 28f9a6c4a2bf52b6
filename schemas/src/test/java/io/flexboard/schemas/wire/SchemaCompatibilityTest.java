package io.flexboard.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.agent.AgentSyncReport;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/** The build fails when a schema change would make the kept event history unreadable. */
class SchemaCompatibilityTest {

    @Test
    void the_current_envelope_schema_is_recorded_as_the_newest_in_the_history() {
        assertNewestIsCurrent(SchemaHistory.envelopeSchemas(), EventEnvelope.getClassSchema());
    }

    @Test
    void the_current_envelope_schema_reads_every_older_schema() {
        assertReadsEveryOlder(SchemaHistory.envelopeSchemas(), EventEnvelope.getClassSchema());
    }

    @Test
    void the_current_sync_report_schema_is_recorded_as_the_newest_in_the_history() {
        assertNewestIsCurrent(SchemaHistory.syncReportSchemas(), AgentSyncReport.getClassSchema());
    }

    @Test
    void the_current_sync_report_schema_reads_every_older_schema() {
        assertReadsEveryOlder(SchemaHistory.syncReportSchemas(), AgentSyncReport.getClassSchema());
    }

    @Test
    void every_sync_report_field_is_documented() {
        AgentSyncReport.getClassSchema().getFields().forEach(field ->
                assertThat(field.doc()).as("AgentSyncReport.%s has no doc", field.name()).isNotBlank());
    }

    private static void assertNewestIsCurrent(List<Schema> history, Schema current) {
        Schema newest = history.get(history.size() - 1);

        assertThat(SchemaNormalization.parsingFingerprint64(newest))
                .as("the generated %s schema changed: add it to schemas/src/main/resources/"
                        + "io/flexboard/schemas/history as a new file and list it in its index", current.getName())
                .isEqualTo(SchemaNormalization.parsingFingerprint64(current));
    }

    private static void assertReadsEveryOlder(List<Schema> history, Schema current) {
        for (Schema writer : history) {
            var result = SchemaCompatibility.checkReaderWriterCompatibility(current, writer);

            assertThat(result.getType())
                    .as("current %s schema cannot read records written with an older one: %s",
                            current.getName(), result.getDescription())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @Test
    void every_event_field_is_documented() {
        EventEnvelope.getClassSchema().getField("payload").schema().getTypes().forEach(event ->
                event.getFields().forEach(field ->
                        assertThat(field.doc()).as("%s.%s has no doc", event.getName(), field.name()).isNotBlank()));
    }
}
