package io.flexboard.history.export;

import java.io.IOException;
import java.io.OutputStream;

import io.flexboard.schemas.EventEnvelope;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/** JSON Lines: one {@link EventJson} object per line, UTF-8, each line ended by {@code \n}. */
final class JsonLinesWriter implements EventWriter {

    private final OutputStream out;
    private final EventJson eventJson = new EventJson();
    /** One record at a time, so a record that fails halfway leaves nothing in the output. */
    private final RecordBuffer line = new RecordBuffer();
    private JsonGenerator generator = newGenerator();

    JsonLinesWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(EventEnvelope event) throws IOException {
        try {
            eventJson.writeEvent(generator, event);
            generator.flush();
        } catch (RuntimeException e) {
            line.reset();
            generator = newGenerator();
            throw e;
        }
        line.write('\n');
        line.writeTo(out);
        line.reset();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private JsonGenerator newGenerator() {
        return EventJson.FACTORY.createGenerator(ObjectWriteContext.empty(), line, JsonEncoding.UTF8);
    }
}
