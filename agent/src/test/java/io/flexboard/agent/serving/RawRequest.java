package io.flexboard.agent.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP/1.0 request written byte for byte, as a hostile client or a browser under attack would: Java's
 * HTTP client normalises paths and refuses to send a chosen Host header.
 */
final class RawRequest {

    private final String method;
    private final String target;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private RawRequest(String method, String target) {
        this.method = method;
        this.target = target;
    }

    static RawRequest get(String target) {
        return new RawRequest("GET", target);
    }

    static RawRequest of(String method, String target) {
        return new RawRequest(method, target);
    }

    RawRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The whole answer, status line and headers included, from the server on 127.0.0.1:port. */
    String sendTo(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.0\r\n");
            headers.putIfAbsent("Host", "127.0.0.1:" + port);
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
