package io.flexboard.benchmarks.dataplane;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load generator's HTTP client (java.net.http, HTTP/1.1 keep-alive) whose answers are handled by a fixed
 * number of threads: asynchronous sends then need no thread per request in flight.
 */
final class LoadClient implements AutoCloseable {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final ExecutorService executor;
    private final HttpClient http;

    LoadClient(String name, int threads) {
        AtomicInteger counter = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(executor).build();
    }

    HttpClient http() {
        return http;
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).build();
    }

    static HttpRequest postJson(String url, String bearer, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
