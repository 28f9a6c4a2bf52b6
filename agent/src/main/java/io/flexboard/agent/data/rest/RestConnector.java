package io.flexboard.agent.data.rest;

import io.flexboard.agent.data.connector.Connector;
import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;
import io.flexboard.agent.data.connector.DataRequest;
import io.flexboard.agent.data.connector.QueryResult;
import io.flexboard.agent.data.connector.Redaction;
import io.flexboard.agent.data.source.DataSourceDefinition;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLException;

/**
 * Reads a {@code rest_api} data source: GET the data source's url + the widget's endpoint, rows from the JSON
 * answer. One HTTP client per data source (its connections are reused); the connect timeout and the whole
 * read (answer and body) are bounded by {@code options.timeout}.
 *
 * <p>Redirects are not followed: a redirect could lead to another host, which the endpoint rules forbid.
 * Failures: nothing listening or an unknown host, a connection not accepted within the timeout, TLS failures
 * and non-2xx answers are {@code UNREACHABLE} (401/403 say the credentials were refused); an answer that
 * does not come within the timeout is {@code TIMEOUT}; an endpoint outside the url, an answer that is not
 * JSON, has no array of objects where the widget says, or is larger than 16 MiB is {@code REFUSED}. No
 * message holds the API key or a header value.
 */
public final class RestConnector implements Connector {

    static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

    /** Headers the connection settings may not set: the client owns them, or they would replace the bearer. */
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "connection", "content-length", "expect",
            "upgrade");

    private final DataSourceDefinition definition;
    private final Set<String> secrets;
    private final String misconfiguration;
    private final URI base;
    private final EndpointResolver resolver;
    private final Map<String, String> headers;
    private final ExecutorService executor;
    private final HttpClient client;

    private RestConnector(DataSourceDefinition definition) {
        this.definition = definition;
        this.secrets = definition.secrets();
        this.base = baseUrl(definition.connection().url());
        this.headers = headers(definition.connection());
        this.misconfiguration = misconfiguration(definition, base, headers);
        this.resolver = misconfiguration == null ? new EndpointResolver(base) : null;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "rest-" + definition.id() + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .connectTimeout(definition.options().timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /** Builds the client without a request: a bad url or header is told by every read, naming the field. */
    public static RestConnector open(DataSourceDefinition definition) {
        return new RestConnector(definition);
    }

    @Override
    public QueryResult read(DataRequest request) throws ConnectorException {
        if (misconfiguration != null) {
            throw new ConnectorException(Failure.REFUSED,
                    "data source " + definition.id() + ": " + misconfiguration);
        }
        URI uri = resolver.resolve(request.endpoint(), request.parameters());
        String described = "GET " + (request.endpoint() == null ? "/" : request.endpoint()) + " on " + origin();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(definition.options().timeout())
                .header("Accept", "application/json");
        headers.forEach(builder::header);
        HttpResponse<byte[]> response = send(builder.build(), described);

        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw failure(Failure.UNREACHABLE, "the API refused the credentials (" + status + ") for " + described, null);
        }
        if (status / 100 != 2) {
            throw failure(Failure.UNREACHABLE, "the API answered " + status + " to " + described
                    + (status / 100 == 3 ? " (redirects are not followed)" : ""), null);
        }
        return JsonAnswer.rows(response.body(), request.path(), request.maxRows(), described);
    }

    private HttpResponse<byte[]> send(HttpRequest request, String described) throws ConnectorException {
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, info ->
                info.statusCode() / 100 == 2
                        ? new CappedBody(MAX_BODY_BYTES)
                        : HttpResponse.BodySubscribers.replacing(null));
        long timeoutMillis = definition.options().timeout().toMillis();
        try {
            return answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw failure(Failure.TIMEOUT, "the API did not answer " + described + " within " + timeoutMillis + " ms", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw failure(Failure.UNREACHABLE, "the read of " + described + " was interrupted", e);
        } catch (ExecutionException e) {
            throw classified(e.getCause(), described, timeoutMillis);
        }
    }

    private ConnectorException classified(Throwable cause, String described, long timeoutMillis) {
        if (cause instanceof CappedBody.TooLargeException) {
            return failure(Failure.REFUSED, "the answer to " + described + " is larger than "
                    + MAX_BODY_BYTES / (1024 * 1024) + " MiB", null);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return failure(Failure.UNREACHABLE, "nothing at " + origin() + " accepted a connection within "
                    + timeoutMillis + " ms", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return failure(Failure.TIMEOUT, "the API did not answer " + described + " within " + timeoutMillis + " ms",
                    cause);
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return failure(Failure.UNREACHABLE, "the host " + base.getHost() + " is unknown", cause);
            }
            if (t instanceof SSLException) {
                return failure(Failure.UNREACHABLE, "the TLS handshake with " + origin() + " failed", cause);
            }
        }
        if (cause instanceof ConnectException) {
            return failure(Failure.UNREACHABLE, "cannot connect to " + origin() + " (connection refused)", cause);
        }
        if (cause instanceof IOException) {
            return failure(Failure.UNREACHABLE, "the connection to " + origin() + " failed while reading "
                    + described + ": " + cause.getMessage(), cause);
        }
        return failure(Failure.UNREACHABLE, "the read of " + described + " failed: " + cause, cause);
    }

    private ConnectorException failure(Failure failure, String message, Throwable cause) {
        return new ConnectorException(failure, Redaction.redact(message, secrets), cause);
    }

    private String origin() {
        int port = base.getPort() >= 0 ? base.getPort() : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
        return base.getHost() + ":" + port;
    }

    private static URI baseUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return new URI(url.trim());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Map<String, String> headers(DataSourceDefinition.ConnectionSettings connection) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (connection.apiKey() != null && !connection.apiKey().isEmpty()) {
            headers.put("Authorization", "Bearer " + connection.apiKey());
        }
        headers.putAll(connection.headers());
        return headers;
    }

    /** What is wrong with the definition, in the YAML's words (never a value), or null. */
    private static String misconfiguration(DataSourceDefinition definition, URI base, Map<String, String> headers) {
        DataSourceDefinition.ConnectionSettings connection = definition.connection();
        if (base == null) {
            return "connection.url is missing or not a URL";
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
            return "connection.url must be an http or https URL with a host";
        }
        if (definition.options().ssl() && !scheme.equals("https")) {
            return "options.ssl is true, so connection.url must be https";
        }
        if (base.getRawQuery() != null || base.getRawFragment() != null) {
            return "connection.url may not hold a query string or fragment: endpoints hold them";
        }
        for (String name : connection.headers().keySet()) {
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                return "connection.headers may not set " + name;
            }
            if (name.equalsIgnoreCase("authorization") && connection.apiKey() != null && !connection.apiKey().isEmpty()) {
                return "connection.headers may not set Authorization: apiKey sets it";
            }
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            try {
                HttpRequest.newBuilder(base).header(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) {
                return "connection.headers." + header.getKey() + " is not a valid header name or value";
            }
        }
        return null;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
