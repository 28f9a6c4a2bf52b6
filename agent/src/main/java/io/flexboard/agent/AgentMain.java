package io.flexboard.agent;

import io.flexboard.agent.access.HashPasswordCommand;
import io.flexboard.agent.settings.AgentSettings;
import io.flexboard.agent.settings.InvalidSettingException;
import io.flexboard.agent.status.StatusCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code java -jar flexboard-agent.jar [run|status|hash-password] [--data-dir D]}. Exit codes: 0 fine, 1 could not
 * start or no agent data, 2 wrong usage or settings.
 */
public final class AgentMain {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_USAGE = 2;

    private static final String USAGE = """
            Usage: java -jar flexboard-agent.jar [run|status|hash-password|help] [--data-dir DIR]
              run            (default) sync with the control plane and serve the viewer on 127.0.0.1
              status         print the version this installation runs and when it last synced
              hash-password  read the viewer password from stdin, print it hashed for AGENT_VIEWER_PASSWORD_HASH
            Settings come from the environment (or -DNAME=value): CONTROL_PLANE_URL, AGENT_API_KEY,
            TENANT_ID (required for run), AGENT_DATA_DIR, AGENT_ID, AGENT_WAIT_SECONDS, AGENT_HTTP_PORT,
            AGENT_FULL_RESYNC_INTERVAL, AGENT_ALLOWED_HOSTS, AGENT_MAX_RETRY_AFTER, AGENT_HTTP_HOST,
            AGENT_VIEWER_PASSWORD_HASH. See docs/agent.md.""";

    private AgentMain() {
    }

    public static void main(String[] args) {
        int code = execute(args, name -> System.getProperty(name, System.getenv(name)), System.out, System.err);
        // After a clean run the JVM is already shutting down (SIGTERM); exit() would wait for the hooks forever.
        if (code != OK) {
            System.exit(code);
        }
    }

    /** Runs one command; {@code run} blocks until the JVM shuts down. */
    static int execute(String[] args, UnaryOperator<String> environment, PrintStream out, PrintStream err) {
        String command = "run";
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--data-dir=")) {
                overrides.put(AgentSettings.AGENT_DATA_DIR, arg.substring("--data-dir=".length()));
            } else if (arg.equals("--data-dir") && i + 1 < args.length) {
                overrides.put(AgentSettings.AGENT_DATA_DIR, args[++i]);
            } else if (!arg.startsWith("-") && i == 0) {
                command = arg;
            } else {
                err.println("Unknown argument: " + arg);
                err.println(USAGE);
                return BAD_USAGE;
            }
        }
        UnaryOperator<String> lookup = name -> overrides.getOrDefault(name, environment.apply(name));
        try {
            return switch (command) {
                case "run" -> run(AgentSettings.from(lookup), err);
                case "status" -> StatusCommand.print(AgentSettings.dataDir(lookup), out, Clock.systemUTC());
                case "hash-password" -> HashPasswordCommand.run(System.in, out, err);
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield OK;
                }
                default -> {
                    err.println("Unknown command: " + command);
                    err.println(USAGE);
                    yield BAD_USAGE;
                }
            };
        } catch (InvalidSettingException e) {
            err.println("Flexboard agent cannot start: " + e.getMessage() + " (see docs/agent.md)");
            return BAD_USAGE;
        } catch (IOException | IllegalStateException e) {
            err.println("Flexboard agent cannot start: " + e);
            return FAILED;
        }
    }

    private static int run(AgentSettings settings, PrintStream err) throws IOException {
        Agent agent = Agent.start(settings, Clock.systemUTC());
        // SIGTERM / Ctrl-C: stop mid long-poll, let an update being written finish or roll back, free the port.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                agent.close();
            } catch (IOException e) {
                err.println("Error while stopping: " + e);
            }
        }, "flexboard-agent-shutdown"));
        try {
            agent.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }
}
