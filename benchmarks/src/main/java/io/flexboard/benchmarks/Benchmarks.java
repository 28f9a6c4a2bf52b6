package io.flexboard.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.flexboard.benchmarks.dataplane.DataPlaneBenchmark;
import io.flexboard.benchmarks.history.ExportBenchmark;
import io.flexboard.benchmarks.history.RebuildBenchmark;
import io.flexboard.benchmarks.history.StateAtMomentBenchmark;
import io.flexboard.benchmarks.keepalive.KeepAliveProbe;
import io.flexboard.benchmarks.load.Benchmark;
import io.flexboard.benchmarks.longpoll.LongPollBenchmark;

/**
 * The entry point of {@code benchmarks/target/flexboard-benchmarks.jar}: its first argument names the harness
 * (docs/PERFORMANCE.md), the rest are that harness's own, e.g.
 * {@code java -jar benchmarks/target/flexboard-benchmarks.jar LongPollBenchmark --agents=1000}.
 */
public final class Benchmarks {

    /** A harness's {@code main}. */
    private interface Harness {
        void run(String[] args) throws Exception;
    }

    private static final Map<String, Harness> HARNESSES = new LinkedHashMap<>();

    static {
        HARNESSES.put("Benchmark", Benchmark::main);
        HARNESSES.put("LongPollBenchmark", LongPollBenchmark::main);
        HARNESSES.put("StateAtMomentBenchmark", StateAtMomentBenchmark::main);
        HARNESSES.put("ExportBenchmark", ExportBenchmark::main);
        HARNESSES.put("RebuildBenchmark", RebuildBenchmark::main);
        HARNESSES.put("DataPlaneBenchmark", DataPlaneBenchmark::main);
        HARNESSES.put("KeepAliveProbe", KeepAliveProbe::main);
    }

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Harness harness = args.length == 0 ? null : HARNESSES.get(args[0]);
        if (harness == null) {
            if (args.length > 0) {
                System.err.println("No harness named " + args[0]);
            }
            System.err.println("usage: java -jar flexboard-benchmarks.jar <harness> [its arguments]; harnesses: "
                    + String.join(", ", HARNESSES.keySet()) + " (docs/PERFORMANCE.md)");
            System.exit(2);
        }
        harness.run(Arrays.copyOfRange(args, 1, args.length));
    }
}
