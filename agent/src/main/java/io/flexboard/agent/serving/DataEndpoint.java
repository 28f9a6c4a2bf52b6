package io.flexboard.agent.serving;

import io.flexboard.agent.AgentJson;
import io.flexboard.agent.data.connector.QueryResult;
import io.flexboard.agent.data.widget.WidgetData;
import io.flexboard.agent.data.widget.WidgetDataException;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/data/:widgetKey} and {@code GET /api/data/:widgetKey/drilldown}: a widget's rows as the
 * viewer draws them. The answer is written when the read completes, on the read's thread, so a slow data
 * source holds none of the server's threads.
 */
final class DataEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(DataEndpoint.class);
    static final Pattern PATH = Pattern.compile("/api/data/([A-Za-z0-9][A-Za-z0-9_.-]{0,127})(/drilldown)?");
    private static final int MAX_QUERY_LENGTH = 8192;

    /** The answer's JSON shape (snake_case through {@link AgentJson}). */
    record Body(String widget, List<QueryResult.Column> columns, List<Map<String, Object>> rows, int rowCount,
                boolean truncated, boolean cached, Instant fetchedAt, long durationMs) {
    }

    private final WidgetData data;

    DataEndpoint(WidgetData data) {
        this.data = data;
    }

    /** Answers a request whose path matched {@link #PATH}; closes the exchange when the answer is written. */
    void answer(HttpExchange exchange, Matcher path) {
        String widget = path.group(1);
        boolean drilldown = path.group(2) != null;
        Map<String, List<String>> parameters;
        try {
            parameters = parameters(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            respond(exchange, new WidgetDataException(WidgetDataException.Reason.BAD_FILTER, widget, null,
                    "widget '" + widget + "': the query string cannot be read: " + e.getMessage()));
            return;
        }
        data.read(widget, drilldown, parameters).whenComplete((answer, failure) -> {
            if (failure == null) {
                write(exchange, 200, "application/json", answer.render(DataEndpoint::body));
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                if (cause instanceof WidgetDataException problem) {
                    respond(exchange, problem);
                } else {
                    LOG.error("Answering widget {} failed", widget, cause);
                    respond(exchange, new WidgetDataException(WidgetDataException.Reason.UNREACHABLE, widget, null,
                            "widget '" + widget + "': the read failed unexpectedly; see the agent's log"));
                }
            }
        });
    }

    private static byte[] body(WidgetData.Answer answer) {
        return AgentJson.MAPPER.writeValueAsBytes(new Body(answer.widget(), answer.result().columns(), answer.result().rows(),
                answer.result().rows().size(), answer.result().truncated(), answer.cached(), answer.fetchedAt(), answer.durationMs()));
    }

    private static void respond(HttpExchange exchange, WidgetDataException problem) {
        WidgetDataException.Reason reason = problem.reason();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", LocalConfigServer.PROBLEMS + reason.type());
        body.put("title", reason.title());
        body.put("status", reason.status());
        body.put("detail", problem.getMessage());
        body.put("instance", exchange.getRequestURI().getPath());
        body.put("widget", problem.widgetKey());
        body.put("data_source", problem.dataSourceId().orElse(null));
        body.put("success", false);
        body.put("error", problem.getMessage());
        if (reason == WidgetDataException.Reason.BUSY) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        write(exchange, reason.status(), "application/problem+json", AgentJson.MAPPER.writeValueAsBytes(body));
    }

    private static void write(HttpExchange exchange, int status, String contentType, byte[] body) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            LOG.debug("The viewer went away before its answer was written: {}", e.toString());
        }
    }

    /** {@code a=1&b=2&b=3}, percent-decoded as UTF-8; a malformed escape is refused, not guessed. */
    static Map<String, List<String>> parameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        if (rawQuery.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("it is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        String decoded = URLDecoder.decode(text, StandardCharsets.UTF_8);
        if (decoded.indexOf('\uFFFD') >= 0) {
            throw new IllegalArgumentException("'" + text + "' is not UTF-8 once decoded");
        }
        return decoded;
    }
}
