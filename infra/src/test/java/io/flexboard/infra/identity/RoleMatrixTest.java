package io.flexboard.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.foundation.identity.Role;
import io.flexboard.infra.hostile.ApiOperations;
import io.flexboard.infra.hostile.ApiOperations.Operation;
import io.flexboard.infra.local.LocalStack;
import io.flexboard.infra.local.config.Settings;
import io.flexboard.infra.local.support.StackClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's whole-stack matrix: every operation of the four OpenAPI documents the local stack serves × every
 * caller (the four roles signed in, the break-glass admin token, no token) × the caller's own tenant and another
 * one, through the router's one port. Each cell must answer what the roadmap's permission table
 * ({@link AccessRules}) says; another tenant's resource answers 404 (never 403, never 2xx), and no answer to a
 * caller below super-admin names another tenant's ids. An operation the table does not place fails the test, so a
 * new endpoint cannot be forgotten.
 */
class RoleMatrixTest {

    private static final String ADMIN_TOKEN = "matrix-admin-token";
    private static final List<String> SERVICES = List.of("command-api", "query-api", "agent-bridge", "projector");

    @TempDir
    Path dataDir;

    /** Who calls: {@code role} null for no credential at all. */
    private record Caller(String name, Role role, String bearer) {
    }

    @Test
    void every_endpoint_role_and_tenant_answers_as_the_permission_table_says_and_leaks_nothing() throws Exception {
        try (LocalStack.Running stack = LocalStack.start(Settings.forTest(dataDir, ADMIN_TOKEN))) {
            StackClient client = new StackClient(stack.port(), ADMIN_TOKEN);
            MatrixWorld world = MatrixWorld.create(client);
            List<Caller> callers = List.of(
                    new Caller("admin token", Role.SUPER_ADMIN, ADMIN_TOKEN),
                    new Caller("super-admin", Role.SUPER_ADMIN, world.signIn(Role.SUPER_ADMIN, List.of())),
                    new Caller("tenant-admin", Role.TENANT_ADMIN, world.signIn(Role.TENANT_ADMIN, List.of(world.own.id()))),
                    new Caller("dashboard-editor", Role.DASHBOARD_EDITOR, world.signIn(Role.DASHBOARD_EDITOR, List.of(world.own.id()))),
                    new Caller("viewer", Role.VIEWER, world.signIn(Role.VIEWER, List.of(world.own.id()))),
                    new Caller("no token", null, null));

            List<Operation> operations = new ArrayList<>();
            for (String service : SERVICES) {
                operations.addAll(ApiOperations.of(service, ApiOperations.document(client, service)));
            }
            Set<String> unplaced = new TreeSet<>();
            Set<String> served = new TreeSet<>();
            Matrix matrix = new Matrix(world);
            for (Operation operation : operations) {
                if (operation.credential().equals(ApiOperations.OPEN)) {
                    continue; // sign-in, the JWKS, SSO: open to everyone by design
                }
                String key = operation.method() + " " + operation.path();
                served.add(key);
                AccessRules.Rule rule = AccessRules.RULES.get(key);
                if (rule == null) {
                    unplaced.add(operation.service() + " " + key);
                    continue;
                }
                for (Caller caller : callers) {
                    for (boolean ownTenant : rule.scope() == AccessRules.Scope.GLOBAL ? new boolean[] {true} : new boolean[] {true, false}) {
                        matrix.walk(operation, rule, caller.name(), caller.role(), caller.bearer(), ownTenant);
                    }
                }
            }
            // The editor's own scope: the dashboard it created itself is its to edit, another's in its tenant is not.
            Operation widgets = operations.stream().filter(op -> op.path().equals("/api/dashboards/{dashboardId}/widgets")).findFirst().orElseThrow();
            for (Caller caller : callers) {
                if (caller.role() == Role.DASHBOARD_EDITOR || caller.role() == Role.VIEWER) {
                    matrix.walkOn(widgets, world.editorsDashboard, caller.name() + " (the editor's own dashboard)", caller.bearer(),
                            caller.role() == Role.DASHBOARD_EDITOR ? AccessRules.Outcome.ALLOWED : AccessRules.Outcome.FORBIDDEN);
                }
            }
            Set<String> stale = new TreeSet<>(AccessRules.RULES.keySet());
            stale.removeAll(served);

            String report = matrix.report(unplaced, stale);
            System.out.println(report);
            assertThat(unplaced).as("operations the matrix does not place (add them to AccessRules)\n" + report).isEmpty();
            assertThat(stale).as("rules for operations no document serves any more\n" + report).isEmpty();
            assertThat(matrix.leaks()).as("leaking cells\n" + report).isEmpty();
            assertThat(matrix.mismatches()).as("cells answering otherwise than the permission table\n" + report).isEmpty();
            assertThat(matrix.cells()).as("matrix size").isGreaterThan(300);
        }
    }

    /** The cells walked so far and what went wrong in them. */
    private static final class Matrix {

        private final MatrixWorld world;
        private final List<String> leaks = new ArrayList<>();
        private final List<String> mismatches = new ArrayList<>();
        private int cells;

        Matrix(MatrixWorld world) {
            this.world = world;
        }

        void walk(Operation operation, AccessRules.Rule rule, String callerName, Role role, String bearer, boolean ownTenant)
                throws Exception {
            MatrixWorld.Tenant tenant = ownTenant ? world.own : world.other;
            String path = world.fill(operation, tenant);
            AccessRules.Outcome expected = AccessRules.expected(rule, role, ownTenant);
            check(operation, rule.scope(), path, tenant, callerName + (ownTenant ? " (own)" : " (other)"), role, bearer, expected);
        }

        void walkOn(Operation operation, String dashboardId, String callerName, String bearer, AccessRules.Outcome expected)
                throws Exception {
            check(operation, AccessRules.Scope.TENANT, "/api/dashboards/" + dashboardId + "/widgets", world.own, callerName,
                    null, bearer, expected);
        }

        private void check(Operation operation, AccessRules.Scope scope, String path, MatrixWorld.Tenant tenant, String who,
                           Role role, String bearer, AccessRules.Outcome expected) throws Exception {
            cells++;
            HttpResponse<String> answer = world.client.send(operation.method(), path, world.body(operation, tenant), bearer, null);
            int status = answer.statusCode();
            String cell = who + " " + operation.method() + " " + path + ": " + status + ", expected " + expected;
            AccessRules.Outcome observed = AccessRules.observed(status, scope);
            if (status >= 500) {
                mismatches.add(cell + " (a server error) " + abbreviated(answer.body()));
            } else if (observed != expected) {
                boolean leak = observed == AccessRules.Outcome.ALLOWED || expected == AccessRules.Outcome.HIDDEN;
                (leak ? leaks : mismatches).add(cell + " " + abbreviated(answer.body()));
            }
            if (role != Role.SUPER_ADMIN && status < 300) {
                world.foreignIdsIn(answer.body()).forEach(id -> leaks.add(who + " " + operation.method() + " " + path
                        + " names another tenant's " + id));
            }
        }

        private static String abbreviated(String body) {
            return body == null ? "" : body.substring(0, Math.min(160, body.length())).replace('\n', ' ');
        }

        int cells() {
            return cells;
        }

        List<String> leaks() {
            return leaks;
        }

        List<String> mismatches() {
            return mismatches;
        }

        String report(Set<String> unplaced, Set<String> stale) {
            StringBuilder text = new StringBuilder(String.format("role matrix: %d cells (%d operations placed), %d leaks, %d mismatches%n",
                    cells, AccessRules.RULES.size() - stale.size(), leaks.size(), mismatches.size()));
            leaks.forEach(leak -> text.append("  LEAK ").append(leak).append('\n'));
            mismatches.forEach(mismatch -> text.append("  MISMATCH ").append(mismatch).append('\n'));
            unplaced.forEach(operation -> text.append("  UNPLACED ").append(operation).append('\n'));
            stale.forEach(rule -> text.append("  STALE RULE ").append(rule).append('\n'));
            return text.toString();
        }
    }

    /** A name no earlier run or cell used. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
