package io.flexboard.simulatedagents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Many agents of one tenant long-polling agent-bridge, each on its own connection, behaving as the
 * reference agent does: re-poll at once after an answer with nothing new, after a random pause of up to
 * {@code repollSpread} after an update, full-jitter back-off (1 s doubling, 60 s cap) after a failure,
 * Retry-After honoured. Non-blocking, so 20,000 of them fit in a few threads. Public for the fault suite
 * (io.flexboard.infra.faults), which restarts agent-bridge under such a fleet.
 */
public final class SimulatedFleet implements AutoCloseable {

    private static final long BACKOFF_BASE_MILLIS = 1_000;
    private static final long BACKOFF_CAP_MILLIS = 60_000;

    private final ConnectionProvider connections;
    private final LoopResources loops;
    private final HttpClient client;
    private final String tenantId;
    private final int waitSeconds;
    private final long repollSpreadMillis;
    private final List<Agent> agents = new ArrayList<>();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private volatile boolean running = true;
    /** Set when the bridge goes away: each agent's first request written after it counts as its reconnect. */
    private volatile long reconnectMark = Long.MAX_VALUE;

    public SimulatedFleet(String baseUrl, String tenantId, String apiKey, int size, int waitSeconds, long startVersion,
                   Duration repollSpread) {
        this.tenantId = tenantId;
        this.waitSeconds = waitSeconds;
        this.repollSpreadMillis = repollSpread.toMillis();
        this.connections = ConnectionProvider.builder("simulated-agents")
                .maxConnections(size + 16)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(5))
                .build();
        this.loops = LoopResources.create("simulated-agents", 2, true);
        this.client = HttpClient.create(connections)
                .runOn(loops)
                .baseUrl(baseUrl)
                .responseTimeout(Duration.ofSeconds(waitSeconds + 30L))
                .headers(headers -> headers
                        .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + apiKey)
                        .set(HttpHeaderNames.CONTENT_TYPE, "application/json"));
        for (int i = 0; i < size; i++) {
            agents.add(new Agent("bench-agent-" + i, startVersion));
        }
    }

    /** Starts every agent, in waves so the listen backlog is not flooded with 20,000 SYNs at once. */
    public void start() throws InterruptedException {
        for (int i = 0; i < agents.size(); i++) {
            agents.get(i).poll();
            if (i % 500 == 499) {
                Thread.sleep(25);
            }
        }
    }

    /** Agents whose request is written and not yet answered: parked at the bridge. */
    public int parked() {
        int parked = 0;
        for (Agent agent : agents) {
            parked += agent.inFlight ? 1 : 0;
        }
        return parked;
    }

    /** How many agents already hold {@code version} or newer. */
    public int holding(long version) {
        int holding = 0;
        for (Agent agent : agents) {
            holding += agent.version >= version ? 1 : 0;
        }
        return holding;
    }

    /** Time from {@code sinceNanos} until each agent received {@code version}; agents without it are left out. */
    public Latencies updateDelays(long version, long sinceNanos) {
        Latencies delays = new Latencies();
        for (Agent agent : agents) {
            if (agent.version >= version) {
                delays.record(agent.updatedNanos - sinceNanos);
            }
        }
        return delays;
    }

    /** From now on, each agent's first request written to the bridge is recorded as its reconnect. */
    public void markReconnects() {
        for (Agent agent : agents) {
            agent.reconnectedNanos = -1;
        }
        reconnectMark = System.nanoTime();
    }

    /** Time from {@code sinceNanos} to each agent's reconnect (agents that reconnected only). */
    public Latencies reconnectDelays(long sinceNanos) {
        Latencies delays = new Latencies();
        for (Agent agent : agents) {
            if (agent.reconnectedNanos > 0) {
                delays.record(Math.max(0, agent.reconnectedNanos - sinceNanos));
            }
        }
        return delays;
    }

    public int reconnected() {
        int count = 0;
        for (Agent agent : agents) {
            count += agent.reconnectedNanos > 0 ? 1 : 0;
        }
        return count;
    }

    /** Reconnects per one-second bucket after {@code sinceNanos}: the load the returning bridge sees. */
    public int peakReconnectsPerSecond(long sinceNanos) {
        Map<Long, Integer> perSecond = new HashMap<>();
        for (Agent agent : agents) {
            if (agent.reconnectedNanos > 0) {
                perSecond.merge(Math.max(0, agent.reconnectedNanos - sinceNanos) / 1_000_000_000L, 1, Integer::sum);
            }
        }
        return perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Response times of every 200 answer so far (meaningful for immediate answers, not for holds). */
    public Latencies answerLatencies() {
        Latencies all = new Latencies();
        for (Agent agent : agents) {
            synchronized (agent.answers) {
                all.merge(agent.answers);
            }
        }
        return all;
    }

    public long failures() {
        return failures.get();
    }

    /** From the first agent's reconnect to the last one's (since {@link #markReconnects()}); zero before any. */
    public Duration reconnectSpread() {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Agent agent : agents) {
            if (agent.reconnectedNanos > 0) {
                first = Math.min(first, agent.reconnectedNanos);
                last = Math.max(last, agent.reconnectedNanos);
            }
        }
        return first == Long.MAX_VALUE ? Duration.ZERO : Duration.ofNanos(last - first);
    }

    /** Requests that got no HTTP answer: connection refused or reset (the bridge is down or went down under them). */
    public long unanswered() {
        return unanswered.get();
    }

    /** Requests answered with a 5xx status: the bridge failed them (unlike a bridge that is simply gone). */
    public long serverErrors() {
        return serverErrors.get();
    }

    /** Stops polling and closes every connection (the bridge sees the waiters go). */
    @Override
    public void close() {
        running = false;
        connections.disposeLater().block(Duration.ofSeconds(30));
        loops.disposeLater().block(Duration.ofSeconds(30));
    }

    private final class Agent {
        private final String id;
        private volatile long version;
        private volatile long updatedNanos;
        private volatile boolean inFlight;
        private volatile long reconnectedNanos = -1;
        private final AtomicInteger attempt = new AtomicInteger();
        private final Latencies answers = new Latencies();
        private volatile long sentNanos;

        Agent(String id, long version) {
            this.id = id;
            this.version = version;
        }

        void poll() {
            if (!running) {
                return;
            }
            sentNanos = System.nanoTime();
            String body = "{\"tenant_id\":\"" + tenantId + "\",\"current_version\":" + version
                    + ",\"applied_version\":" + version + ",\"agent_version\":\"bench\",\"agent_id\":\"" + id
                    + "\",\"wait_seconds\":" + waitSeconds + "}";
            client.post().uri("/api/agent/sync")
                    .send((request, outbound) -> outbound.sendString(Mono.just(body)).then()
                            .doOnSuccess(written -> written()))
                    .responseSingle((response, content) -> content.asString().defaultIfEmpty("")
                            .map(text -> new Answer(response.status().code(), text,
                                    response.responseHeaders().get("Retry-After"))))
                    .subscribe(this::answered, this::unanswered);
        }

        private void written() {
            inFlight = true;
            if (reconnectedNanos < 0 && System.nanoTime() >= reconnectMark) {
                reconnectedNanos = System.nanoTime();
            }
        }

        private void answered(Answer answer) {
            inFlight = false;
            if (answer.status() == 200) {
                attempt.set(0);
                synchronized (answers) {
                    answers.record(System.nanoTime() - sentNanos);
                }
                if (answer.body().contains("\"has_updates\":true")) {
                    updatedNanos = System.nanoTime();
                    version = answer.latestVersion();
                    if (repollSpreadMillis > 0) {
                        later(ThreadLocalRandom.current().nextLong(repollSpreadMillis + 1));
                        return;
                    }
                }
                poll();
            } else if (answer.status() == 429 && answer.retryAfter() != null) {
                later(Long.parseLong(answer.retryAfter().trim()) * 1000);
            } else {
                if (answer.status() >= 500) {
                    serverErrors.incrementAndGet();
                }
                failed(new IllegalStateException("status " + answer.status()));
            }
        }

        private void unanswered(Throwable error) {
            unanswered.incrementAndGet();
            failed(error);
        }

        private void failed(Throwable error) {
            inFlight = false;
            failures.incrementAndGet();
            long ceiling = Math.min(BACKOFF_CAP_MILLIS, BACKOFF_BASE_MILLIS << Math.min(16, attempt.getAndIncrement()));
            later(ThreadLocalRandom.current().nextLong(ceiling + 1));
        }

        private void later(long millis) {
            Mono.delay(Duration.ofMillis(millis)).subscribe(tick -> poll());
        }
    }

    private record Answer(int status, String body, String retryAfter) {
        long latestVersion() {
            int at = body.indexOf("\"latest_version\":") + "\"latest_version\":".length();
            int end = at;
            while (end < body.length() && Character.isDigit(body.charAt(end))) {
                end++;
            }
            return Long.parseLong(body.substring(at, end));
        }
    }
}
