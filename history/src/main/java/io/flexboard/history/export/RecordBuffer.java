package io.flexboard.history.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes of the record being written, reused from record to record: a writer appends a record to the output
 * only once it is whole. Unlike {@link java.io.ByteArrayOutputStream} it takes no lock per write, and a writer
 * may read its bytes in place.
 */
final class RecordBuffer extends OutputStream {

    private byte[] bytes = new byte[16 * 1024];
    private int size;

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
