package io.flexboard.infra.hostile;

import io.flexboard.infra.hostile.ApiOperations.Operation;
import io.flexboard.infra.hostile.HostileRequests.HostileRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import net.jqwik.api.Arbitrary;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input suite (issue 11): every operation of the four OpenAPI documents, attacked through the local
 * stack's router with jqwik-generated malformed requests. Each must answer 4xx {@code application/problem+json}
 * (never 5xx, never 2xx); together they must leave the events topic, the event store and the read models as
 * they were, and a new tenant's publish must still reach its agent afterwards.
 * {@code -Dflexboard.hostile.tries-per-operation} (default 400) bounds the run.
 */
class HostileSuiteTest {

    private static final int TRIES = Integer.getInteger("flexboard.hostile.tries-per-operation", 400);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);
    private static HostileStack world;

    @BeforeAll
    static void startStack() {
        world = HostileStack.start();
    }

    @AfterAll
    static void stopStack() {
        world.close();
    }

    /** What one operation answered to its attacks. */
    static final class Tally {
        int tried;
        int refusedAsProblem;
        int refusedByCodec;
        int refusedOtherwise;
        int accepted;
        int failed;
        int unanswered;
        final List<String> examples = new ArrayList<>();
        /** Per attack (its field left out), how often each status answered it. */
        final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();

        synchronized void count(HostileRequest request, RawHttp.Response response) {
            tried++;
            String attack = request.attack().replaceAll(" at .*$", "");
            statuses.computeIfAbsent(attack, key -> new TreeMap<>()).merge(response.status(), 1, Integer::sum);
            String verdict;
            if (response.status() >= 400 && response.status() < 500 && response.isProblem()) {
                refusedAsProblem++;
                return;
            } else if (refusedByCodec(response)) {
                refusedByCodec++;
                return;
            } else if (response.status() >= 400 && response.status() < 500) {
                refusedOtherwise++;
                verdict = response.status() + " without problem+json";
            } else if (response.status() >= 500) {
                failed++;
                verdict = response.status() + " (5xx)";
            } else if (response.status() >= 200 && response.status() < 400) {
                accepted++;
                verdict = response.status() + " (accepted)";
            } else {
                unanswered++;
                verdict = response.body();
            }
            if (examples.size() < 5) {
                String body = response.body() == null ? "" : response.body();
                examples.add(verdict + " ← " + request + " → " + body.substring(0, Math.min(200, body.length())));
            }
        }

        synchronized boolean clean() {
            return tried == refusedAsProblem + refusedByCodec;
        }

        /**
         * Refused by reactor-netty's HTTP/1.1 decoder before any handler ran: a header or request line over its
         * limits (431, 414) or bytes no header may carry (400), answered with an empty body. reactor-netty offers
         * no hook to shape these answers; they are counted apart, never as a handler's answer.
         */
        private static boolean refusedByCodec(RawHttp.Response response) {
            return (response.status() == 400 || response.status() == 413 || response.status() == 414 || response.status() == 431)
                    && response.body().isEmpty();
        }
    }

    @Test
    void every_malformed_request_is_refused_with_a_problem_and_changes_nothing() throws Exception {
        HostileRequests requests = new HostileRequests(world);
        HostileStack.State before = world.state();
        Map<String, Tally> tallies = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Operation operation : world.operations().stream().filter(requests::hasAttacks).toList()) {
                Tally tally = tallies.computeIfAbsent(operation.key(), key -> new Tally());
                for (HostileRequest request : attacks(requests.against(operation))) {
                    sent.add(senders.submit(() -> tally.count(request, RawHttp.send(world.port(), request.method(),
                            request.target(), request.headers(), request.body(), ANSWER_WITHIN))));
                }
            }
            for (Future<?> each : sent) {
                each.get();
            }
        } finally {
            senders.shutdownNow();
        }
        HostileStack.State after = world.state();
        String report = report(new TreeMap<>(tallies));
        System.out.println(report);
        HostileStack.writeReport("hostile-suite.txt", report);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(tallies.values().stream().mapToInt(tally -> tally.failed).sum()).as("5xx answers\n" + report).isZero();
        softly.assertThat(tallies.values()).as("requests not refused with a 4xx problem\n" + report).allMatch(Tally::clean);
        // The suite sends every body as JSON: a 415 would mean it tested its own mistake, not the API.
        softly.assertThat(tallies.values().stream().flatMap(tally -> tally.statuses.values().stream())
                .anyMatch(counts -> counts.containsKey(415))).as("answers 415 to the suite's JSON bodies").isFalse();
        softly.assertThat(after).as("the malformed requests changed nothing").isEqualTo(before);
        softly.assertThatCode(world::assertACanaryTenantIsStillProjectedAndSynced).as("a canary tenant afterwards").doesNotThrowAnyException();
        softly.assertAll();
    }

    /**
     * Every attack on the operation when jqwik can enumerate them within the budget (so a rare one, such as a NUL in
     * one query parameter, is never left to chance), else that many random ones.
     */
    private static List<HostileRequest> attacks(Arbitrary<HostileRequest> arbitrary) {
        return arbitrary.exhaustive(TRIES)
                .map(exhaustive -> StreamSupport.stream(exhaustive.spliterator(), false).toList())
                .orElseGet(() -> arbitrary.sampleStream().limit(TRIES).toList());
    }

    private static String report(Map<String, Tally> tallies) {
        int tried = tallies.values().stream().mapToInt(tally -> tally.tried).sum();
        int failed = tallies.values().stream().mapToInt(tally -> tally.failed).sum();
        StringBuilder text = new StringBuilder("hostile suite: " + tried + " requests, " + failed + " answered 5xx\n");
        tallies.forEach((operation, tally) -> {
            text.append(String.format("  %-68s %4d tried: %4d 4xx problem, %3d 4xx by the HTTP codec, %3d 4xx other, %3d 2xx/3xx, "
                            + "%3d 5xx, %3d no answer%n", operation, tally.tried, tally.refusedAsProblem, tally.refusedByCodec,
                    tally.refusedOtherwise, tally.accepted, tally.failed, tally.unanswered));
            tally.statuses.forEach((attack, counts) -> text.append("      ").append(attack).append(": ").append(counts).append('\n'));
            tally.examples.forEach(example -> text.append("      ✗ ").append(example.replace('\n', ' ')).append('\n'));
        });
        return text.toString();
    }
}
