package io.flexboard.simulatedagents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void given_errors_of_several_clients_when_merged_then_they_are_counted_by_status() {
        Latencies first = new Latencies();
        first.error(429);
        first.error(429);
        first.record(1_000_000);
        Latencies second = new Latencies();
        second.error(503);
        second.error(Latencies.NO_ANSWER);
        second.error(429);

        Latencies total = new Latencies();
        total.merge(first);
        total.merge(second);

        assertThat(total.errors).isEqualTo(5);
        assertThat(total.errorsByStatus()).isEqualTo("no answer: 1, 429: 3, 503: 1");
        assertThat(new Latencies().errorsByStatus()).isEqualTo("none");
    }

    @Test
    void given_as_many_errors_as_answers_when_judged_then_errors_dominate() {
        Latencies phase = new Latencies();
        phase.record(1_000_000);
        phase.error(429);
        assertThat(phase.errorsDominate()).isTrue();

        phase.record(1_000_000);
        assertThat(phase.errorsDominate()).isFalse();
        assertThat(new Latencies().errorsDominate()).as("an empty phase has nothing to judge").isFalse();
    }
}
