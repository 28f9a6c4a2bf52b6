package io.flexboard.agent.sync;

import io.flexboard.agent.AgentJson;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code POST {CONTROL_PLANE_URL}/api/agent/sync} over java.net.http, with the tenant's API key as bearer token. */
public final class HttpControlPlane implements ControlPlane {

    /** The bridge answers at the latest after wait_seconds; the margin covers the network and a busy bridge. */
    static final Duration TIMEOUT_MARGIN = Duration.ofSeconds(15);

    private final HttpClient client;
    private final URI syncUri;
    private final String apiKey;
    private final Clock clock;

    public HttpControlPlane(URI controlPlaneUrl, String apiKey, Clock clock) {
        // HTTP/1.1 on purpose: over plain http the default HTTP/2 would try an h2c upgrade on every
        // new connection, which proxies in customers' networks often mishandle.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                // Customers behind a proxy set the JVM's -Dhttps.proxyHost/-Dhttps.proxyPort; the default selector reads them.
                .proxy(ProxySelector.getDefault())
                .build();
        this.syncUri = URI.create(controlPlaneUrl + "/api/agent/sync");
        this.apiKey = apiKey;
        this.clock = clock;
    }

    @Override
    public SyncAnswer sync(SyncRequest request) throws SyncFailure, InterruptedException {
        HttpRequest http = HttpRequest.newBuilder(syncUri)
                .timeout(Duration.ofSeconds(request.waitSeconds()).plus(TIMEOUT_MARGIN))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(AgentJson.MAPPER.writeValueAsBytes(request)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(http, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new SyncFailure(SyncFailure.Kind.UNREACHABLE, "no answer from " + syncUri + " within "
                    + http.timeout().map(Duration::toSeconds).orElse(0L) + " s");
        } catch (IOException e) {
            // A refused connection has no message, only its type: name both.
            throw new SyncFailure(SyncFailure.Kind.UNREACHABLE, "cannot reach " + syncUri + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        return answer(response);
    }

    private SyncAnswer answer(HttpResponse<byte[]> response) throws SyncFailure {
        int status = response.statusCode();
        JsonNode body = json(response.body());
        if (status == 200) {
            return SyncAnswer.from(body);
        }
        Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(this::retryAfter);
        String message = "HTTP " + status + ": " + errorOf(body);
        SyncFailure.Kind kind = switch (status) {
            case 401, 403 -> SyncFailure.Kind.REJECTED;
            case 429 -> SyncFailure.Kind.THROTTLED;
            default -> SyncFailure.Kind.FAILED;
        };
        throw new SyncFailure(kind, message, retryAfter);
    }

    private static JsonNode json(byte[] body) {
        try {
            return body.length == 0 ? null : AgentJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The spec's {@code error}, else the problem's {@code detail} or {@code title}. */
    private static String errorOf(JsonNode body) {
        if (body == null) {
            return "(no readable body)";
        }
        for (String field : new String[] {"error", "detail", "title"}) {
            if (body.path(field).isString()) {
                return body.path(field).stringValue();
            }
        }
        return "(no error in body)";
    }

    /** {@code Retry-After} is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
    private Optional<Duration> retryAfter(String value) {
        String text = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration delay = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
