package io.flexboard.projector.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every failure of an HTTP request, ours and the framework's, into an
 * {@code application/problem+json} answer, the same shape as every other service's. A
 * WebExceptionHandler (not a @ControllerAdvice) so failures raised in WebFilters get the same body.
 */
@Component
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1), which would answer with its own JSON
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final JsonMapper jsonMapper;

    ProblemExceptionHandler(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        ProblemException problem = translate(failure);
        if (problem.type() == ProblemType.INTERNAL_ERROR) {
            log.error("Unhandled failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
        }
        Problem body = new Problem(problem.type().uri(), problem.type().title(), problem.type().status().value(),
                problem.getMessage(), exchange.getRequest().getPath().value(), problem.errors());
        response.setStatusCode(problem.type().status());
        HttpHeaders headers = response.getHeaders();
        if (failure instanceof ResponseStatusException statusException) {
            statusException.getHeaders().forEach(headers::put); // Allow on 405, Accept on 415
        }
        problem.headers().forEach(headers::set);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(jsonMapper.writeValueAsBytes(body))));
    }

    private static ProblemException translate(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        if (failure instanceof ServerWebInputException input) {
            if (causedBy(failure, JacksonException.class)) {
                return ProblemException.malformed("The request body is not valid JSON");
            }
            return ProblemException.malformed(input.getReason());
        }
        if (failure instanceof MethodNotAllowedException e) {
            return new ProblemException(ProblemType.METHOD_NOT_ALLOWED, e.getReason());
        }
        if (failure instanceof UnsupportedMediaTypeStatusException e) {
            return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, e.getReason());
        }
        if (failure instanceof NotAcceptableStatusException e) {
            return new ProblemException(ProblemType.NOT_ACCEPTABLE, e.getReason());
        }
        if (failure instanceof ResponseStatusException e && e.getStatusCode().value() == 404) {
            return ProblemException.notFound("No such resource");
        }
        if (failure instanceof ResponseStatusException e && e.getStatusCode().is4xxClientError()) {
            return ProblemException.malformed(e.getReason());
        }
        return new ProblemException(ProblemType.INTERNAL_ERROR, "Unexpected error; the projector's log has it");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
