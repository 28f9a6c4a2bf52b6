package io.flexboard.commandapi.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where failures become responses: before Boot's default handler, so controller
 * errors, filter errors and unknown routes all answer {@code application/problem+json}.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);
    private static final String TYPE_BASE = "https://flexboard.io/problems/";

    private final JsonMapper json;

    ProblemExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        ApiProblem problem = ProblemMapping.toProblem(failure);
        String path = exchange.getRequest().getPath().value();
        if (problem.status().is5xxServerError()) {
            log.error("{} {} failed (correlation id {})", exchange.getRequest().getMethod(), path,
                    CorrelationIdFilter.of(exchange), failure);
        } else {
            log.debug("{} {} answered {}: {}", exchange.getRequest().getMethod(), path, problem.status().value(),
                    problem.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + problem.slug());
        body.put("title", problem.status().getReasonPhrase());
        body.put("status", problem.status().value());
        body.put("detail", problem.getMessage());
        body.put("instance", path);
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors().stream()
                    .map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        }
        response.setStatusCode(problem.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.status().value() == 401) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        byte[] bytes = json.writeValueAsBytes(body);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
