package io.flexboard.benchmarks.dataplane;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.flexboard.benchmarks.BenchHttp;
import io.flexboard.simulatedagents.Latencies;

/**
 * Phase b: {@code clients} threads, each in a closed loop (the next GET as soon as the last one is answered)
 * on one cached widget for {@code duration}. Goal: ≥ 5,000 reads/s with p99 ≤ 5 ms.
 */
final class CachedReadsPhase {

    private CachedReadsPhase() {
    }

    static void run(String agentUrl, String pathAndQuery, int clients, Duration duration, BenchReport report) throws Exception {
        HttpRequest read = LoadClient.get(agentUrl + pathAndQuery);
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try (LoadClient client = new LoadClient("cached-reads", clients)) {
            // One read first: the phase measures the cache, not the query that fills it.
            BenchHttp.expect(200, client.http().send(read, HttpResponse.BodyHandlers.ofString()));
            long started = System.nanoTime();
            long deadline = started + duration.toNanos();
            List<Future<Latencies>> loops = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                loops.add(threads.submit(() -> {
                    Latencies latencies = new Latencies();
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        try {
                            int status = client.http().send(read, HttpResponse.BodyHandlers.discarding()).statusCode();
                            if (status == 200) {
                                latencies.record(System.nanoTime() - t0);
                            } else {
                                latencies.error(status);
                            }
                        } catch (java.io.IOException e) {
                            latencies.error(Latencies.NO_ANSWER);
                        }
                    }
                    return latencies;
                }));
            }
            Latencies total = new Latencies();
            for (Future<Latencies> loop : loops) {
                total.merge(loop.get());
            }
            total.elapsedNanos = System.nanoTime() - started;
            boolean cached = BenchHttp.json(client.http().send(read, HttpResponse.BodyHandlers.ofString())).path("cached").asBoolean();
            System.out.printf("cached reads: %d ok, %d errors (%s) in %.1f s%n", total.count(), total.errors, total.errorsByStatus(),
                    total.elapsedNanos / 1e9);
            PhaseFailed.check("cached reads", total);
            report.row("b. cached reads/s: " + clients + " clients, closed loop, GET " + pathAndQuery + ", " + duration.toSeconds() + " s",
                    String.format("%.0f (errors: %s%s)", total.perSecond(), total.errorsByStatus(), cached ? "" : "; NOT answered from the cache"));
            report.row("b. cached read latency p50 / p99 / max", BenchReport.percentiles(total));
        } finally {
            threads.shutdownNow();
        }
    }
}
