package io.flexboard.benchmarks.dataplane;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import io.flexboard.benchmarks.BenchHttp;
import io.flexboard.simulatedagents.Latencies;
import tools.jackson.databind.JsonNode;

/**
 * Phase c: sequential GETs of a widget with caching off; per answer, its end-to-end latency minus the
 * answer's {@code duration_ms} (the connector's time, driver and database) is the agent's own overhead:
 * parsing the request, the cache's single-flight bookkeeping, the read pool's hand-over, writing the JSON,
 * and the loopback round trip. {@code duration_ms} is whole milliseconds, rounded down, so each sample
 * overstates the overhead by less than 1 ms. An answer marked {@code cached} ran no query for this request
 * (its {@code duration_ms} is an earlier run's), so it is counted apart, not as a sample. Goal: ≤ 1 ms.
 */
final class UncachedOverheadPhase {

    private UncachedOverheadPhase() {
    }

    static void run(LoadClient client, String agentUrl, String pathAndQuery, int samples, BenchReport report) throws Exception {
        HttpRequest read = LoadClient.get(agentUrl + pathAndQuery);
        // The JIT's first compilations of this path would otherwise be the p99.
        for (int i = 0; i < Math.min(samples, 200); i++) {
            client.http().send(read, HttpResponse.BodyHandlers.discarding());
        }
        Latencies overhead = new Latencies();
        Latencies driver = new Latencies();
        int cached = 0;
        long started = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> answer;
            try {
                answer = client.http().send(read, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                overhead.error(Latencies.NO_ANSWER);
                continue;
            }
            long endToEnd = System.nanoTime() - t0;
            if (answer.statusCode() != 200) {
                overhead.error(answer.statusCode());
                continue;
            }
            JsonNode body = BenchHttp.json(answer);
            if (body.path("cached").asBoolean()) {
                cached++;
                continue;
            }
            long driverNanos = TimeUnit.MILLISECONDS.toNanos(body.path("duration_ms").asLong());
            driver.record(driverNanos);
            overhead.record(endToEnd - driverNanos);
        }
        overhead.elapsedNanos = System.nanoTime() - started;
        System.out.printf("uncached overhead: %d ok, %d errors (%s) in %.1f s%n", overhead.count(), overhead.errors, overhead.errorsByStatus(),
                overhead.elapsedNanos / 1e9);
        PhaseFailed.check("uncached overhead", overhead);
        report.row("c. uncached reads: " + samples + " sequential GET " + pathAndQuery + ", agent overhead (end to end − duration_ms) p50 / p99 / max",
                BenchReport.percentiles(overhead) + " (errors: " + overhead.errorsByStatus()
                        + (cached == 0 ? "" : "; " + cached + " answers came from an earlier run (cached: true), left out") + ")");
        report.row("c. uncached reads: the driver's time (duration_ms) p50 / p99, reads/s", BenchHttp.millis(driver.percentile(50)) + " / "
                + BenchHttp.millis(driver.percentile(99)) + ", " + String.format("%.0f", overhead.perSecond()));
    }
}
