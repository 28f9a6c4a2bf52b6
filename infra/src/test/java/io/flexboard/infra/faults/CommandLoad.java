package io.flexboard.infra.faults;

import io.flexboard.infra.local.support.StackClient;
import io.flexboard.infra.local.support.StackClient.Published;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Builders editing their dashboards while a fault strikes: one writer per tenant replaces its dashboard's widget
 * again and again (each edit one event), and every command the API acknowledged goes into the {@link Ledger} with
 * the aggregate sequence it answered (ETag). A refused or unanswered command is only counted: it may or may not be
 * in the store, and the books hold either. The canary tenant writes at a slow steady pace, the way one builder does.
 */
final class CommandLoad implements AutoCloseable {

    /** The admin token every fault case starts its stack with. */
    static final String ADMIN_TOKEN = "fault-admin-token";
    /** Tenants writing as fast as the API answers, besides the canary. */
    static final int BUSY_TENANTS = 6;
    private static final long CANARY_PAUSE_MILLIS = 200;
    private static final long UNREACHABLE_PAUSE_MILLIS = 100;

    private final Ledger ledger;
    private final String adminToken;
    private final List<Tenant> tenants;
    private final Tenant canary;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<String, AtomicInteger> refusals = new ConcurrentSkipListMap<>();
    private final List<Thread> writers = new ArrayList<>();
    private final StackClient client;

    private CommandLoad(StackClient client, Ledger ledger, String adminToken, List<Tenant> tenants, Tenant canary) {
        this.client = client;
        this.ledger = ledger;
        this.adminToken = adminToken;
        this.tenants = tenants;
        this.canary = canary;
    }

    /** Creates {@code busyTenants} tenants and the canary, each with one dashboard; nothing written yet. */
    static CommandLoad prepare(StackClient client, String adminToken, Ledger ledger, int busyTenants) throws Exception {
        List<Tenant> busy = new ArrayList<>();
        for (int i = 0; i < busyTenants; i++) {
            busy.add(Tenant.create(client, ledger, "busy-" + i));
        }
        return new CommandLoad(client, ledger, adminToken, busy, Tenant.create(client, ledger, "canary"));
    }

    String canaryId() {
        return canary.id();
    }

    void start() {
        running.set(true);
        for (Tenant tenant : tenants) {
            writers.add(startWriter(tenant, 0));
        }
        writers.add(startWriter(canary, CANARY_PAUSE_MILLIS));
    }

    private Thread startWriter(Tenant tenant, long pauseMillis) {
        Thread writer = new Thread(() -> write(tenant, pauseMillis), "writer-" + tenant.slug());
        writer.start();
        return writer;
    }

    /** Stops the writers and waits for their last command's answer. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread writer : writers) {
            writer.join(60_000);
        }
        writers.clear();
    }

    int unanswered() {
        return unanswered.get();
    }

    int refused() {
        return refused.get();
    }

    /** The refusals by status and Retry-After, e.g. {@code "503 Retry-After 2" -> 40}. */
    Map<String, Integer> refusals() {
        Map<String, Integer> counts = new TreeMap<>();
        refusals.forEach((key, count) -> counts.put(key, count.get()));
        return counts;
    }

    private void write(Tenant tenant, long pauseMillis) {
        int edit = 0;
        while (running.get()) {
            edit++;
            try {
                HttpResponse<String> response = client.send("PUT", "/api/dashboards/" + tenant.dashboardId() + "/widgets",
                        Map.of("widgets", List.of(Map.of(
                                "name", "edited",
                                "config", Map.of("query", "SELECT " + edit, "type", "bar"),
                                "position_x", 0,
                                "position_y", 0))), adminToken, null);
                if (response.statusCode() == 200) {
                    ledger.acknowledged(tenant.id(), Long.parseLong(response.headers().firstValue("ETag").orElseThrow().replace("\"", "")));
                } else {
                    refused.incrementAndGet();
                    refusals.computeIfAbsent(response.statusCode() + response.headers().firstValue("Retry-After")
                            .map(seconds -> " Retry-After " + seconds).orElse(""), key -> new AtomicInteger()).incrementAndGet();
                    pause(UNREACHABLE_PAUSE_MILLIS);
                }
            } catch (Exception e) {
                // Connection refused or reset: the stack is down. The command may have committed; it was not acknowledged.
                unanswered.incrementAndGet();
                pause(UNREACHABLE_PAUSE_MILLIS);
            }
            pause(pauseMillis);
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A tenant of the load, the dashboard its writer edits, and its API key (for agents of the tenant). */
    record Tenant(String id, String slug, String dashboardId, String apiKey) {

        static Tenant create(StackClient client, Ledger ledger, String slug) throws Exception {
            HttpResponse<String> created = client.command("POST", "/api/tenants", Map.of("name", slug, "slug", slug), 201);
            JsonNode tenant = StackClient.JSON.readTree(created.body());
            String id = tenant.at("/tenant/id").asString();
            ledger.acknowledged(id, etag(created));
            HttpResponse<String> dashboard = client.command("POST", "/api/tenants/" + id + "/dashboards",
                    Map.of("name", "Edited", "slug", "edited"), 201);
            ledger.acknowledged(id, etag(dashboard));
            return new Tenant(id, slug, StackClient.JSON.readTree(dashboard.body()).get("id").asString(), tenant.get("api_key").asString());
        }

        /** A new widget query on the tenant's dashboard, drafted and published; the edit goes into the books. */
        Published publish(StackClient builder, Ledger ledger, String query) throws Exception {
            ledger.acknowledged(id, etag(builder.saveOneWidget(dashboardId, "orders", "bar", query)));
            return builder.draftAndPublish(id, query);
        }

        private static long etag(HttpResponse<String> response) {
            return Long.parseLong(response.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
        }
    }
}
