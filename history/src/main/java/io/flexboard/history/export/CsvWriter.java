package io.flexboard.history.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import io.flexboard.schemas.EventEnvelope;
import org.apache.avro.generic.IndexedRecord;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * CSV as RFC 4180 has it: a header row, CRLF line ends, a field quoted when it holds a comma, a quote or a
 * line break, quotes inside doubled. One row per event: the envelope's fields, the type, and the payload as a
 * JSON object in one column (the same JSON as the JSON Lines export).
 */
final class CsvWriter implements EventWriter {

    static final String HEADER = "event_id,tenant_id,sequence,occurred_at,actor,correlation_id,type,payload";
    private static final String CRLF = "\r\n";

    private final Writer out;
    private final EventJson eventJson = new EventJson();
    private final StringWriter payload = new StringWriter(4096);
    private final StringBuilder row = new StringBuilder(4096);
    private JsonGenerator generator = newGenerator();

    CsvWriter(OutputStream out) throws IOException {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.out.write(HEADER + CRLF);
    }

    @Override
    public void write(EventEnvelope event) throws IOException {
        payload.getBuffer().setLength(0);
        try {
            eventJson.writePayload(generator, event);
            generator.flush();
        } catch (RuntimeException e) {
            generator = newGenerator();
            throw e;
        }
        row.setLength(0);
        field(event.getEventId()).append(',');
        field(event.getTenantId()).append(',');
        row.append(event.getAggregateSequence()).append(',');
        row.append(event.getOccurredAt()).append(',');
        field(event.getActor()).append(',');
        field(event.getCorrelationId()).append(',');
        field(EventTypes.nameOf((IndexedRecord) event.getPayload())).append(',');
        field(payload.getBuffer()).append(CRLF);
        out.append(row);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private StringBuilder field(CharSequence value) {
        if (!needsQuotes(value)) {
            return row.append(value);
        }
        row.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                row.append('"');
            }
            row.append(c);
        }
        return row.append('"');
    }

    private static boolean needsQuotes(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private JsonGenerator newGenerator() {
        return EventJson.FACTORY.createGenerator(ObjectWriteContext.empty(), payload);
    }
}
