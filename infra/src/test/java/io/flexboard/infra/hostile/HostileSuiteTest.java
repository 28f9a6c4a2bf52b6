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
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input suite (issue 11): every operation of the four OpenAPI documents, attacked through the local
 * stack's router with jqwik-generated malformed requests. Each must answer 4xx {@code application/problem+json}
 * (never 5xx, never 2xx); together they must leave the events topic, the event store and the read models as
 * they were, and a new tenant's publish must still reach its agent afterwards.
 * {@code -Dflexboard.hostile.tries-per-operation} (default 30) bounds the run.
 */
class HostileSuiteTest {

    private static final int TRIES = Integer.getInteger("flexboard.hostile.tries-per-operation", 30);
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
        int refusedOtherwise;
        int accepted;
        int failed;
        int unanswered;
        final List<String> examples = new ArrayList<>();

        synchronized void count(HostileRequest request, RawHttp.Response response) {
            tried++;
            String verdict;
            if (response.status() >= 400 && response.status() < 500 && response.isProblem()) {
                refusedAsProblem++;
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
            return tried == refusedAsProblem;
        }
    }

    @Test
    void everyMalformedRequestIsRefusedWithAProblemAndChangesNothing() throws Exception {
        HostileRequests requests = new HostileRequests(world);
        HostileStack.State before = world.state();
        Map<String, Tally> tallies = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Operation operation : world.operations()) {
                Tally tally = tallies.computeIfAbsent(operation.key(), key -> new Tally());
                requests.against(operation).sampleStream().limit(TRIES).forEach(request -> sent.add(senders.submit(() ->
                        tally.count(request, RawHttp.send(world.port(), request.method(), request.target(), request.headers(),
                                request.body(), ANSWER_WITHIN)))));
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
        softly.assertThat(after).as("the malformed requests changed nothing").isEqualTo(before);
        softly.assertThatCode(world::assertACanaryTenantIsStillProjectedAndSynced).as("a canary tenant afterwards").doesNotThrowAnyException();
        softly.assertAll();
    }

    private static String report(Map<String, Tally> tallies) {
        int tried = tallies.values().stream().mapToInt(tally -> tally.tried).sum();
        int failed = tallies.values().stream().mapToInt(tally -> tally.failed).sum();
        StringBuilder text = new StringBuilder("hostile suite: " + tried + " requests, " + failed + " answered 5xx\n");
        tallies.forEach((operation, tally) -> {
            text.append(String.format("  %-70s %4d tried: %4d 4xx problem, %3d 4xx other, %3d 2xx/3xx, %3d 5xx, %3d no answer%n",
                    operation, tally.tried, tally.refusedAsProblem, tally.refusedOtherwise, tally.accepted, tally.failed, tally.unanswered));
            tally.examples.forEach(example -> text.append("      ").append(example.replace('\n', ' ')).append('\n'));
        });
        return text.toString();
    }
}
