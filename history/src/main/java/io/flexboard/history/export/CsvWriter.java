package io.flexboard.history.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.EventTypeNames;
import org.apache.avro.generic.IndexedRecord;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * CSV as RFC 4180 has it, in UTF-8: a header row, CRLF line ends, a field quoted when it holds a comma, a quote
 * or a line break, quotes inside doubled. One row per event: the envelope's fields, the type, and the payload
 * as a JSON object in one column (the same JSON as the JSON Lines export).
 */
final class CsvWriter implements EventWriter {

    static final String HEADER = "event_id,tenant_id,sequence,occurred_at,actor,correlation_id,type,payload";
    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;
    private final EventJson eventJson = new EventJson();
    private final RecordBuffer payload = new RecordBuffer();
    private final RecordBuffer row = new RecordBuffer();
    private JsonGenerator generator = newGenerator();

    CsvWriter(OutputStream out) throws IOException {
        this.out = out;
        out.write(HEADER.getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
    }

    @Override
    public void write(EventEnvelope event) throws IOException {
        payload.reset();
        try {
            eventJson.writePayload(generator, event);
            generator.flush();
        } catch (RuntimeException e) {
            generator = newGenerator();
            throw e;
        }
        row.reset();
        field(event.getEventId()).write(',');
        field(event.getTenantId()).write(',');
        field(Long.toString(event.getAggregateSequence())).write(',');
        field(event.getOccurredAt().toString()).write(',');
        field(event.getActor()).write(',');
        field(event.getCorrelationId()).write(',');
        field(EventTypeNames.of((IndexedRecord) event.getPayload())).write(',');
        field(payload.array(), payload.size()).write(CRLF);
        row.writeTo(out);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private RecordBuffer field(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return field(bytes, bytes.length);
    }

    /** Byte by byte is safe in UTF-8: no byte of a multi-byte character is a comma, a quote, CR or LF. */
    private RecordBuffer field(byte[] bytes, int length) {
        if (!needsQuotes(bytes, length)) {
            row.write(bytes, 0, length);
            return row;
        }
        row.write('"');
        int from = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '"') {
                row.write(bytes, from, i + 1 - from);
                from = i;
            }
        }
        row.write(bytes, from, length - from);
        row.write('"');
        return row;
    }

    private static boolean needsQuotes(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b == ',' || b == '"' || b == '\r' || b == '\n') {
                return true;
            }
        }
        return false;
    }

    private JsonGenerator newGenerator() {
        return EventJson.FACTORY.createGenerator(ObjectWriteContext.empty(), payload, JsonEncoding.UTF8);
    }
}
