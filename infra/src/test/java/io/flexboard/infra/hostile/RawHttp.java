package io.flexboard.infra.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte on a socket: a hostile client sends what {@code java.net.http} refuses to
 * (NUL and lone surrogates in headers, un-normalised paths such as {@code /%61pi/…} or {@code /api;x/…}).
 * One connection per request ({@code Connection: close}), the answer read to its end.
 */
final class RawHttp {

    /** A header as sent: its value is bytes, so it may carry what no well-behaved client would. */
    record Header(String name, byte[] value) {
        static Header of(String name, String value) {
            return new Header(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The answer: status 0 when the server closed without one, -1 when it did not answer in time. */
    record Response(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        boolean isProblem() {
            String type = header("content-type");
            return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }
    }

    private RawHttp() {
    }

    static Response send(int port, String method, String target, List<Header> headers, byte[] body, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout((int) timeout.toMillis());
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (Header header : headers) {
                request.writeBytes((header.name() + ": ").getBytes(StandardCharsets.US_ASCII));
                request.writeBytes(header.value());
                request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            if (body != null) {
                request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException refusedMidBody) {
                    // A server may answer (413) and close before reading a huge body: its answer is still there to read.
                }
            }
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (SocketTimeoutException e) {
            return new Response(-1, Map.of(), "no answer within " + timeout);
        } catch (IOException e) {
            return new Response(0, Map.of(), "connection closed: " + e.getMessage());
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, read);
            }
        } catch (IOException resetAfterAnswer) {
            if (bytes.size() == 0) {
                throw resetAfterAnswer;
            }
        }
        return bytes.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || headEnd < 0) {
            return new Response(0, Map.of(), "no HTTP answer: " + text.substring(0, Math.min(200, text.length())));
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOfCrLf(chunked, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = sizeLine.isEmpty() ? 0 : Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            body.write(chunked, start, Math.min(size, chunked.length - start));
            at = start + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
