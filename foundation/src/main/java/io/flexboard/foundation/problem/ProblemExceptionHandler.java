package io.flexboard.foundation.problem;

import io.flexboard.foundation.correlation.CorrelationIdFilter;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
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
 * A WebExceptionHandler (not a @ControllerAdvice) so failures raised in WebFilters, Spring Security's
 * included, get the same body.
 */
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1), which would answer with its own JSON
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final JsonMapper jsonMapper;
    private final List<ProblemTranslator> translators;
    private final ProblemCustomizer customizer;

    public ProblemExceptionHandler(JsonMapper jsonMapper, ObjectProvider<ProblemTranslator> translators,
                                   ObjectProvider<ProblemCustomizer> customizer) {
        this.jsonMapper = jsonMapper;
        this.translators = translators.orderedStream().toList();
        this.customizer = customizer.getIfAvailable(() -> problem -> problem);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        Answer answer = answer(failure, exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value(),
                CorrelationIdFilter.of(exchange));
        response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
        response.getHeaders().putAll(answer.headers());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.json())));
    }

    /**
     * The problem answer to a failure of the request {@code method path}: what {@link #handle} writes, for a
     * route that answers outside WebFlux (agent-bridge's direct sync route) and must answer the same.
     */
    public Answer answer(Throwable failure, String method, String path, String correlationId) {
        ProblemException problem = translate(failure);
        if (problem.type() == ProblemType.INTERNAL_ERROR) {
            try (var ignored = MDC.putCloseable(CorrelationIdFilter.MDC_KEY, correlationId)) {
                log.error("Unhandled failure on {} {}", method, path, failure);
            }
        }
        Problem body = customizer.customize(new Problem(problem.type().uri(), problem.type().title(),
                problem.type().status().value(), problem.getMessage(), path, problem.errors()));
        HttpHeaders headers = new HttpHeaders();
        if (failure instanceof ResponseStatusException statusException) {
            statusException.getHeaders().forEach(headers::put); // Allow on 405, Accept on 415
        }
        problem.headers().forEach(headers::set);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new Answer(problem.type().status().value(), headers, jsonMapper.writeValueAsBytes(body));
    }

    /** A problem answer: its status, its headers (content type included) and its problem+json body. */
    public record Answer(int status, HttpHeaders headers, byte[] json) {
    }

    private ProblemException translate(Throwable failure) {
        Throwable error = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (error instanceof ProblemException problem) {
            return problem;
        }
        for (ProblemTranslator translator : translators) {
            ProblemException translated = translator.translate(error);
            if (translated != null) {
                return translated;
            }
        }
        if (causedBy(error, DataBufferLimitException.class) != null
                || (error instanceof ResponseStatusException rse && rse.getStatusCode().value() == 413)) {
            return ProblemException.payloadTooLarge("The request body is larger than allowed");
        }
        if (error instanceof ServerWebInputException input) {
            return malformedInput(input);
        }
        if (error instanceof MethodNotAllowedException e) {
            return new ProblemException(ProblemType.METHOD_NOT_ALLOWED, e.getReason());
        }
        if (error instanceof UnsupportedMediaTypeStatusException e) {
            return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, e.getReason());
        }
        if (error instanceof NotAcceptableStatusException e) {
            return new ProblemException(ProblemType.NOT_ACCEPTABLE, e.getReason());
        }
        if (error instanceof ResponseStatusException e && e.getStatusCode().value() == 404) {
            return ProblemException.notFound("No such resource");
        }
        if (error instanceof ResponseStatusException e && e.getStatusCode().is4xxClientError()) {
            return ProblemException.malformed(e.getReason());
        }
        return new ProblemException(ProblemType.INTERNAL_ERROR, "Unexpected error; quote the X-Correlation-Id when reporting it");
    }

    /** Names the JSON path Jackson choked on (e.g. {@code widgets[0].config}) or the parameter of the wrong type. */
    private static ProblemException malformedInput(ServerWebInputException input) {
        JacksonException json = causedBy(input, JacksonException.class);
        if (json != null) {
            return malformedJson(json);
        }
        if (input.getCause() instanceof TypeMismatchException && input.getMethodParameter() != null) {
            String name = input.getMethodParameter().getParameterName();
            return ProblemException.malformed(name, "Invalid value for '" + name + "'");
        }
        return ProblemException.malformed(input.getReason() == null ? "The request is malformed" : input.getReason());
    }

    /** A body Jackson could not read, naming the JSON path it choked on (e.g. {@code widgets[0].config}) if any. */
    public static ProblemException malformedJson(JacksonException json) {
        String path = jsonPath(json);
        return path.isEmpty()
                ? ProblemException.malformed("The request body is not valid JSON")
                : ProblemException.malformed(path, "The request body has a wrong JSON type at '" + path + "'");
    }

    private static String jsonPath(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
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
