package io.flexboard.benchmarks.dataplane;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.flexboard.simulatedagents.Latencies;

/**
 * Phase d, the roadmap's load test (Artillery's arrival phases) as an open model: new clients arrive at a
 * fixed rate whatever the answers' latency, each making one request — 70 % {@code GET /api/data/sales-by-month}
 * on the agent with a random region, 30 % {@code POST /api/agent/sync} on the control plane with the tenant's
 * key, up to date and without {@code wait_seconds} (answered at once). Requests are sent asynchronously on a
 * small fixed pool, so a slow answer never delays the next arrival. Connections are kept alive and reused:
 * this measures handling requests, not TCP handshakes.
 */
final class RoadmapLoadPhase {

    private static final double DATA_SHARE = 0.7;

    private final LoadClient client;
    private final String agentUrl;
    private final String controlPlaneUrl;
    private final DataPlaneTenant tenant;
    private final Random random = new Random(12);
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private long syncs;

    RoadmapLoadPhase(LoadClient client, String agentUrl, String controlPlaneUrl, DataPlaneTenant tenant) {
        this.client = client;
        this.agentUrl = agentUrl;
        this.controlPlaneUrl = controlPlaneUrl;
        this.tenant = tenant;
    }

    /** One stage's requests of each kind, recorded from the answer threads (hence the locks). */
    private static final class Stage {

        private final int rate;
        private final Latencies data = new Latencies();
        private final Latencies sync = new Latencies();
        private long sent;
        private long nanos;

        Stage(int rate) {
            this.rate = rate;
        }

        void record(Latencies kind, long latencyNanos, int status) {
            synchronized (kind) {
                if (status / 100 == 2) {
                    kind.record(latencyNanos);
                } else {
                    kind.error(status);
                }
            }
        }
    }

    /** Runs each rate for {@code stageDuration}, one after the other, and reports every stage. */
    void run(List<Integer> rates, Duration stageDuration, BenchReport report) throws Exception {
        List<Stage> stages = new ArrayList<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (int rate : rates) {
            Stage stage = new Stage(rate);
            stages.add(stage);
            arrive(stage, stageDuration, inFlight);
        }
        // Ends: every request times out on its own (LoadClient.REQUEST_TIMEOUT) and then counts as unanswered.
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        for (Stage stage : stages) {
            String name = "d. " + stage.rate + " new clients/s for " + stageDuration.toSeconds() + " s";
            double achieved = stage.sent / (stage.nanos / 1e9);
            report.row(name + ": achieved arrivals/s", String.format("%.1f (%d requests)", achieved, stage.sent));
            report.row(name + ": GET sales-by-month p50 / p99 / max", BenchReport.percentiles(stage.data)
                    + " (" + stage.data.count() + " ok, errors: " + stage.data.errorsByStatus() + ")");
            report.row(name + ": POST /api/agent/sync p50 / p99 / max", BenchReport.percentiles(stage.sync)
                    + " (" + stage.sync.count() + " ok, errors: " + stage.sync.errorsByStatus() + ")");
        }
        for (Stage stage : stages) {
            PhaseFailed.check("roadmap load at " + stage.rate + "/s, data reads", stage.data);
            PhaseFailed.check("roadmap load at " + stage.rate + "/s, agent syncs", stage.sync);
        }
    }

    /** Sends the stage's arrivals at their scheduled moments; a generator that falls behind shows as a lower achieved rate. */
    private void arrive(Stage stage, Duration duration, List<CompletableFuture<?>> inFlight) {
        long arrivals = stage.rate * duration.toSeconds();
        long interval = TimeUnit.SECONDS.toNanos(1) / stage.rate;
        long started = System.nanoTime();
        for (long i = 0; i < arrivals; i++) {
            long due = started + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            boolean data = random.nextDouble() < DATA_SHARE;
            HttpRequest request = data
                    ? LoadClient.get(agentUrl + "/api/data/" + DataPlaneTenant.SALES_BY_MONTH + "?region="
                            + BenchShop.REGIONS[random.nextInt(BenchShop.REGIONS.length)])
                    : sync();
            Latencies kind = data ? stage.data : stage.sync;
            long t0 = System.nanoTime();
            inFlight.add(client.http().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        stage.record(kind, System.nanoTime() - t0, failure == null ? response.statusCode() : Latencies.NO_ANSWER);
                        return null;
                    }));
        }
        stage.sent = arrivals;
        // Until the last arrival's slot ends, so a stage on schedule reports exactly its rate.
        stage.nanos = Math.max(System.nanoTime(), started + arrivals * interval) - started;
    }

    /**
     * Each sync comes from another agent, as new clients do: one agent id at this rate is what the bridge's
     * budget per agent stops, and syncs without an agent id share a budget of 60 per minute per key.
     */
    private HttpRequest sync() {
        String body = "{\"tenant_id\":\"" + tenant.id() + "\",\"current_version\":" + tenant.version()
                + ",\"agent_version\":\"bench\",\"agent_id\":\"bench-" + run + "-" + (++syncs) + "\"}";
        return LoadClient.postJson(controlPlaneUrl + "/api/agent/sync", tenant.apiKey(), body);
    }
}
