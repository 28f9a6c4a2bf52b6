package io.flexboard.infra.local.support;

import io.flexboard.infra.local.LocalStack;
import io.flexboard.infra.local.config.Settings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

/**
 * The local stack's infrastructure (PostgreSQL, Kafka, router) in a JVM of its own, for a test that kills it
 * with SIGKILL: writes a row, prints {@code READY}, then waits to be killed.
 */
public final class InfrastructureOnlyMain {

    private InfrastructureOnlyMain() {
    }

    public static void main(String[] args) throws Exception {
        LocalStack.Running stack = LocalStack.start(Settings.forTest(Path.of(args[0]), "crash-test-token"), List.of());
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS kept (id int); INSERT INTO kept VALUES (42)");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
