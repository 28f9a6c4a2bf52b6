package io.flexboard.benchmarks.dataplane;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import io.flexboard.benchmarks.BenchHttp;
import io.flexboard.simulatedagents.Latencies;
import tools.jackson.databind.JsonNode;

/**
 * Phase a: {@code requests} simultaneous GETs of one cold (widget, filter value). Every answer carries the
 * {@code fetched_at} of the query run it got its rows from: one distinct value means the query ran once.
 * {@code cached: false} marks the answers that arrived while that run was going on (they waited for it);
 * {@code cached: true} ones arrived after it had finished, so only the former show single flight at work.
 */
final class SingleFlightPhase {

    private SingleFlightPhase() {
    }

    /** An answer and when it arrived (taken as it completes, not when the harness gets round to it). */
    private record Arrived(HttpResponse<String> response, long nanos) {
    }

    static void run(LoadClient client, String agentUrl, String pathAndQuery, int requests, BenchReport report) throws Exception {
        // Open the connections first, so the reads arrive together rather than one TCP handshake apart.
        List<CompletableFuture<HttpResponse<Void>>> warm = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            warm.add(client.http().sendAsync(LoadClient.get(agentUrl + "/config"), HttpResponse.BodyHandlers.discarding()));
        }
        CompletableFuture.allOf(warm.toArray(CompletableFuture[]::new)).exceptionally(ignored -> null).join();

        HttpRequest read = LoadClient.get(agentUrl + pathAndQuery);
        long[] sent = new long[requests];
        List<CompletableFuture<Arrived>> answers = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            sent[i] = System.nanoTime();
            answers.add(client.http().sendAsync(read, HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> new Arrived(response, System.nanoTime())));
        }
        Latencies latencies = new Latencies();
        Set<String> fetchedAt = new HashSet<>();
        int waited = 0;
        long lastAnswer = started;
        for (int i = 0; i < requests; i++) {
            try {
                Arrived arrived = answers.get(i).join();
                HttpResponse<String> answer = arrived.response();
                lastAnswer = Math.max(lastAnswer, arrived.nanos());
                if (answer.statusCode() != 200) {
                    latencies.error(answer.statusCode());
                    continue;
                }
                latencies.record(arrived.nanos() - sent[i]);
                JsonNode body = BenchHttp.JSON.readTree(answer.body());
                fetchedAt.add(body.path("fetched_at").asString());
                waited += body.path("cached").asBoolean() ? 0 : 1;
            } catch (RuntimeException e) {
                latencies.error(Latencies.NO_ANSWER);
            }
        }
        latencies.elapsedNanos = lastAnswer - started;
        System.out.printf("single flight: %d ok, %d errors (%s) in %.1f ms%n", latencies.count(), latencies.errors, latencies.errorsByStatus(),
                latencies.elapsedNanos / 1e6);
        PhaseFailed.check("single flight", latencies);
        report.row("a. single flight: " + requests + " simultaneous GET " + pathAndQuery + " (cold): distinct fetched_at (1 = the query ran once)",
                fetchedAt.size() + " (" + waited + " answers waited for the run, " + (latencies.count() - waited) + " came after it)");
        report.row("a. single flight: latency p50 / p99 / max, errors", BenchReport.percentiles(latencies) + ", errors: " + latencies.errorsByStatus());
    }
}
