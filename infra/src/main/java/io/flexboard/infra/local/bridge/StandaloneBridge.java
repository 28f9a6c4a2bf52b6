package io.flexboard.infra.local.bridge;

import io.flexboard.infra.local.config.DatabaseUrl;
import io.flexboard.infra.local.services.LocalServices;
import io.flexboard.infra.local.services.Service;
import io.flexboard.infra.local.services.ServiceArguments;
import java.util.List;
import java.util.Map;

/**
 * One more agent-bridge replica in a JVM of its own, against a running stack's PostgreSQL and Kafka: what one
 * bridge replica of a deployment is. {@code java -jar flexboard-local.jar bridge <jdbc url> <kafka bootstrap
 * servers> <port>}; its agents talk to it on {@code port} directly, not through the router. The fault tests kill
 * it (BridgeProcess) and LongPollBenchmark measures it ({@code --bridge=standalone}).
 */
public final class StandaloneBridge {

    /** Printed once it serves: what a parent process waits for. */
    public static final String READY = "agent-bridge is ready on port ";

    private StandaloneBridge() {
    }

    /** {@code <jdbc url> <kafka bootstrap servers> <port>}. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: bridge <jdbc url> <kafka bootstrap servers> <port>");
            System.exit(2);
        }
        ServiceArguments arguments = new ServiceArguments(new DatabaseUrl(args[0], "postgres", ""), args[1], null);
        LocalServices bridge = LocalServices.start(List.of(Service.AGENT_BRIDGE), arguments, Map.of("server.port", args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(bridge::close, "bridge-shutdown"));
        System.out.println(READY + args[2]);
        Thread.currentThread().join();
    }
}
