package io.flexboard.queryapi.web;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * Turns every failure, ours and the framework's, into an {@code application/problem+json} answer.
 * A WebExceptionHandler (not a @ControllerAdvice) so failures raised in WebFilters get the same body.
 */
@Component
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1), which would answer with its own JSON
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final JsonMapper jsonMapper;

    public ProblemExceptionHandler(JsonMapper jsonMapper) {
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
            try (var ignored = MDC.putCloseable(CorrelationIdFilter.MDC_KEY, CorrelationIdFilter.of(exchange))) {
                log.error("Unhandled failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
            }
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
        byte[] json = jsonMapper.writeValueAsBytes(body);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
    }

    private static ProblemException translate(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        if (causedBy(failure, DataBufferLimitException.class) != null
                || (failure instanceof ResponseStatusException rse && rse.getStatusCode().value() == 413)) {
            return ProblemException.payloadTooLarge("The request body is larger than allowed");
        }
        if (failure instanceof ServerWebInputException input) {
            JacksonException json = causedBy(failure, JacksonException.class);
            if (json != null) {
                String path = jsonPath(json);
                return ProblemException.malformed(path.isEmpty()
                        ? "The request body is not valid JSON"
                        : "The request body has a wrong JSON type at '" + path + "'");
            }
            if (input.getCause() instanceof TypeMismatchException && input.getMethodParameter() != null) {
                return ProblemException.malformed("Invalid value for '" + input.getMethodParameter().getParameterName() + "'");
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
        if (failure instanceof ResponseStatusException e && e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
            return ProblemException.notFound("No such resource");
        }
        if (failure instanceof ResponseStatusException e && e.getStatusCode().is4xxClientError()) {
            return ProblemException.malformed(e.getReason());
        }
        return new ProblemException(ProblemType.INTERNAL_ERROR, "Unexpected error; quote the X-Correlation-Id when reporting it");
    }

    private static String jsonPath(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        List<JacksonException.Reference> references = failure.getPath();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> T causedBy(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
