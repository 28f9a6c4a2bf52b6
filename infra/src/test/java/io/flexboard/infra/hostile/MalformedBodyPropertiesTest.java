package io.flexboard.infra.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.infra.hostile.ApiOperations.Operation;
import io.flexboard.infra.hostile.HostileRequests.HostileRequest;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The hostile suite's body attacks as a jqwik property: every request body of every operation, spoiled one field
 * at a time (wrong type, missing, NUL, lone surrogate, huge, deep, out of range, another tenant's id), answers a
 * 4xx problem. Where {@link HostileSuiteTest} counts, this one stops at the first counterexample and shows it.
 */
class MalformedBodyPropertiesTest {

    private static HostileStack world;

    @BeforeContainer
    static void startStack() {
        world = HostileStack.start();
    }

    @AfterContainer
    static void stopStack() {
        world.close();
    }

    // No shrinking: each step would be another request through the stack; the counterexample is shown as sent.
    @Property(tries = 150, shrinking = ShrinkingMode.OFF)
    void everySpoiledBodyIsRefusedWithAProblem(@ForAll("spoiledBodies") HostileRequest request) {
        RawHttp.Response response = RawHttp.send(world.port(), request.method(), request.target(), request.headers(),
                request.body(), Duration.ofSeconds(15));

        assertThat(response.status()).as(request + " → " + response.body()).isBetween(400, 499)
                // Sent as JSON: a 415 would be the test's mistake, not a refusal of the spoiled field.
                .isNotEqualTo(415);
        assertThat(response.isProblem()).as(request + " → " + response.headers()).isTrue();
    }

    @Provide
    Arbitrary<HostileRequest> spoiledBodies() {
        HostileRequests requests = new HostileRequests(world);
        List<Operation> withBodies = world.operations().stream().filter(Operation::hasBody).toList();
        return Arbitraries.of(withBodies).flatMap(requests::bodyAttacks);
    }
}
