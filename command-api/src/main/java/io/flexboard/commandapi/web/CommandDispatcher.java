package io.flexboard.commandapi.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.flexboard.commandapi.api.CommandMetadata;
import io.flexboard.commandapi.api.CommandOutcome;
import io.flexboard.foundation.consistency.ConsistencyToken;
import io.flexboard.foundation.correlation.CorrelationIdFilter;
import io.flexboard.foundation.identity.Caller;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.security.Authenticated;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a command from a WebFlux handler and shapes the answer: ETag = the tenant aggregate's
 * version after the command, {@code X-Consistency-Token} = tenant id and that version, for
 * read-your-writes on query-api and agent-bridge.
 */
@Component
public class CommandDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    /** Response header naming the position the read side must reach to show this command. */
    public static final String CONSISTENCY_TOKEN = ConsistencyToken.HEADER;

    private final CommandGateway gateway;

    CommandDispatcher(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * Handles the command and answers {@code status} with the body made from the handler's result.
     * Axon's command handling is blocking JDBC, so it runs on the bounded elastic scheduler,
     * never on an event-loop thread.
     */
    public <T> Mono<ResponseEntity<T>> send(ServerWebExchange exchange, String tenantId, Object command,
                                            HttpStatus status, Function<Object, T> body) {
        Map<String, String> metadata = metadata(exchange);
        long started = System.nanoTime();
        return Mono.fromCallable(() -> (CommandOutcome) gateway.sendAndWait(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(metadata)))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(outcome -> log.info("{} on tenant {} by {}: version {} in {} ms (correlation id {})",
                        command.getClass().getSimpleName(), tenantId, metadata.get(CommandMetadata.ACTOR),
                        outcome.aggregateVersion(), (System.nanoTime() - started) / 1_000_000,
                        metadata.get(CommandMetadata.CORRELATION_ID)))
                .doOnError(error -> log.info("{} on tenant {} refused: {} (correlation id {})",
                        command.getClass().getSimpleName(), tenantId, error.getMessage(),
                        metadata.get(CommandMetadata.CORRELATION_ID)))
                .map(outcome -> ResponseEntity.status(status)
                        .eTag(Long.toString(outcome.aggregateVersion()))
                        .header(CONSISTENCY_TOKEN, tenantId + ":" + outcome.aggregateVersion())
                        .body(body.apply(outcome.result())));
    }

    /**
     * Who sends the command, for the events' envelope: the actor (a user's email, or admin for the admin
     * token) and, for a signed-in user, their id and email (docs/history.md).
     */
    private static Map<String, String> metadata(ServerWebExchange exchange) {
        Authentication caller = Authenticated.of(exchange);
        Map<String, String> metadata = new HashMap<>();
        metadata.put(CommandMetadata.ACTOR, caller.getName());
        metadata.put(CommandMetadata.CORRELATION_ID, CorrelationIdFilter.of(exchange));
        if (caller instanceof Caller user && !user.isAdminToken()) {
            metadata.put(CommandMetadata.ACTOR_ID, user.id());
            metadata.put(CommandMetadata.ACTOR_EMAIL, user.email());
        }
        return Map.copyOf(metadata);
    }

    /** The aggregate version the caller expects from {@code If-Match}, or null when it sets none. */
    public static Long expectedVersion(ServerWebExchange exchange) {
        String ifMatch = exchange.getRequest().getHeaders().getFirst(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.malformed("If-Match", "If-Match must be an ETag this API returned, e.g. \"3\"");
        }
    }

    /** Checks that a path segment is a UUID, so a typo answers 400 instead of a lookup. */
    public static String uuid(String value, String name) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw ProblemException.malformed(name, name + " must be a UUID");
        }
    }
}
