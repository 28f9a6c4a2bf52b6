package io.flexboard.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.flexboard.schemas.EventEnvelope;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/** The build fails when a schema change would make the kept event history unreadable. */
class SchemaCompatibilityTest {

    private final List<Schema> history = SchemaHistory.envelopeSchemas();

    @Test
    void theCurrentSchemaIsRecordedAsTheNewestInTheHistory() {
        Schema newest = history.get(history.size() - 1);

        assertThat(SchemaNormalization.parsingFingerprint64(newest))
                .as("the generated EventEnvelope schema changed: add it to schemas/src/main/resources/"
                        + "io/flexboard/schemas/history as a new file and list it in the index")
                .isEqualTo(SchemaNormalization.parsingFingerprint64(EventEnvelope.getClassSchema()));
    }

    @Test
    void theCurrentSchemaReadsEveryOlderSchema() {
        for (Schema writer : history) {
            var result = SchemaCompatibility.checkReaderWriterCompatibility(EventEnvelope.getClassSchema(), writer);

            assertThat(result.getType())
                    .as("current schema cannot read events written with an older one: %s", result.getDescription())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @Test
    void everyEventFieldIsDocumented() {
        EventEnvelope.getClassSchema().getField("payload").schema().getTypes().forEach(event ->
                event.getFields().forEach(field ->
                        assertThat(field.doc()).as("%s.%s has no doc", event.getName(), field.name()).isNotBlank()));
    }
}
