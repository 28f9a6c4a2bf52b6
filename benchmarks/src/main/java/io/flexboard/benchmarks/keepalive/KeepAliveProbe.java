package io.flexboard.benchmarks.keepalive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Sends GET requests one after another over one keep-alive connection and counts those that get
 * no answer at all within the timeout. Written to chase a rare hang seen in the services' HTTP
 * layer (about 1 request in 1,000 against a running query-api, even on {@code /health/liveness});
 * a fix is done when this reports 0 over tens of thousands of requests.
 *
 * <p>{@code java -jar benchmarks/target/flexboard-benchmarks.jar KeepAliveProbe http://127.0.0.1:8082/health/liveness 5000 3}
 */
public final class KeepAliveProbe {

    private KeepAliveProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: KeepAliveProbe <loopback URL> [requests=5000] [timeout-seconds=3]");
            System.exit(2);
        }
        URI target = URI.create(args[0]);
        if (!target.getHost().matches("localhost|127\\.0\\.0\\.1|\\[?::1]?")) {
            throw new IllegalArgumentException("The probe runs against the loopback interface only, not " + target);
        }
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        Duration timeout = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 3);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int unanswered = 0;
        for (int i = 1; i <= requests; i++) {
            try {
                http.send(HttpRequest.newBuilder(target).timeout(timeout).build(), HttpResponse.BodyHandlers.discarding());
            } catch (HttpTimeoutException e) {
                unanswered++;
                System.out.printf("request %d: no answer within %d s%n", i, timeout.toSeconds());
            }
        }
        System.out.printf("%d requests to %s, %d unanswered%n", requests, target, unanswered);
    }
}
