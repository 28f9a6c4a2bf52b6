package io.flexboard.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The harnesses' plain HTTP calls to a local stack, loopback only, plus their shared argument and number formats. */
public final class BenchHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http;

    public BenchHttp(String baseUrl) {
        if (!URI.create(baseUrl).getHost().matches("localhost|127\\.0\\.0\\.1|\\[?::1]?")) {
            throw new IllegalArgumentException("The benchmark runs against the loopback interface only, not " + baseUrl);
        }
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpResponse<String> send(String method, String path, Object body, String bearer, String consistencyToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.header("Authorization", "Bearer " + bearer);
        if (consistencyToken != null) {
            request.header("X-Consistency-Token", consistencyToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** {@code --name=value} arguments; a bare {@code --flag} is "true". */
    public static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length == 2 ? pair[1] : "true");
        }
        return options;
    }

    public static String millis(long nanos) {
        return nanos < 0 ? "–" : String.format("%.1f ms", nanos / 1e6);
    }
}
