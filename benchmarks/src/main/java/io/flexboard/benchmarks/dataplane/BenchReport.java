package io.flexboard.benchmarks.dataplane;

import java.util.ArrayList;
import java.util.List;

import io.flexboard.benchmarks.BenchHttp;
import io.flexboard.simulatedagents.Latencies;

/** A harness's figures as Markdown table rows, echoed as they come so a long run shows progress. */
final class BenchReport {

    private final List<String> rows = new ArrayList<>();

    void row(String measure, String value) {
        rows.add("| " + measure + " | " + value + " |");
        System.out.println(measure + ": " + value);
    }

    /** {@code p50 / p99 / max} of the successful requests. */
    static String percentiles(Latencies latencies) {
        return BenchHttp.millis(latencies.percentile(50)) + " / " + BenchHttp.millis(latencies.percentile(99)) + " / "
                + BenchHttp.millis(latencies.max());
    }

    void print() {
        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("| --- | --- |");
        rows.forEach(System.out::println);
    }
}
