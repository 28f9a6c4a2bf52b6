package io.flexboard.foundation.openapi;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.flexboard.foundation.consistency.ReadYourWrites;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Completes the generated OpenAPI document with what every Flexboard HTTP API shares (docs/contracts.md):
 * the problem+json answers, the bearer credential, UUID path ids and the correlation id header.
 */
public final class ApiConventions implements OpenApiCustomizer, OperationCustomizer {

    /** Marks, between the two customizing steps, an operation whose handler is {@code @ReadYourWrites}. */
    private static final String READ_YOUR_WRITES = "x-flexboard-read-your-writes";

    /** Components name of the RFC 7807 problem body. */
    public static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String RESPONSES = "#/components/responses/";

    /** A problem answer every operation may reference by its components name, e.g. {@code #/components/responses/Conflict}. */
    public enum ProblemResponse {
        BAD_REQUEST("400", "BadRequest", "Malformed request or invalid field; `errors` names each offending field"),
        UNAUTHORIZED("401", "Unauthorized", "Missing, malformed or unknown credential"),
        FORBIDDEN("403", "Forbidden", "The credential does not allow this (another tenant's, or the tenant is paused)"),
        NOT_FOUND("404", "NotFound", "No such resource (or not the caller's)"),
        CONFLICT("409", "Conflict", "A rule of the domain refuses the command"),
        PRECONDITION_FAILED("412", "PreconditionFailed", "If-Match names a version other than the current one"),
        PAYLOAD_TOO_LARGE("413", "PayloadTooLarge", "The body is over the service's body limit"),
        UNSUPPORTED_MEDIA_TYPE("415", "UnsupportedMediaType", "The body is not application/json"),
        TOO_MANY_REQUESTS("429", "TooManyRequests", "Over the rate limit; Retry-After says when to come back"),
        SERVICE_UNAVAILABLE("503", "ServiceUnavailable", "The read side did not reach X-Consistency-Token in time, or a dependency is down");

        private final String code;
        private final String name;
        private final String description;

        ProblemResponse(String code, String name, String description) {
            this.code = code;
            this.name = name;
            this.description = description;
        }

        public String code() {
            return code;
        }

        public String ref() {
            return RESPONSES + name;
        }
    }

    private final String title;
    private final String description;
    private final String securityScheme;
    private final String credentialDescription;

    /**
     * @param securityScheme the bearer scheme's name ({@code admin-token} or {@code api-key}), required by
     *                       every operation: the services authenticate every {@code /api} path
     */
    public ApiConventions(String title, String description, String securityScheme, String credentialDescription) {
        this.title = title;
        this.description = description;
        this.securityScheme = securityScheme;
        this.credentialDescription = credentialDescription;
    }

    /**
     * Schemas named as the JSON names them: the APIs are snake_case (spring.jackson.property-naming-strategy),
     * while springdoc's model resolver reads Java names unless given a mapper that says otherwise.
     */
    public static ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    /** Only the handlers that declare {@code @ReadYourWrites} wait for a consistency token: only they document it. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), ReadYourWrites.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ReadYourWrites.class)) {
            operation.addExtension(READ_YOUR_WRITES, true);
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getInfo().title(title).description(description).version("v1");
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.components(components);
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ApiConventions::nullableUnlessRequired);
            // Jackson's JsonNode fields carry any JSON value; the model resolver would describe the Java class instead.
            components.getSchemas().computeIfPresent("JsonNode", (name, schema) -> new Schema<>().description("Any JSON value"));
        }
        components.addSchemas("FieldError", fieldErrorSchema());
        components.addSchemas(PROBLEM_SCHEMA, problemSchema());
        for (ProblemResponse problem : ProblemResponse.values()) {
            components.addResponses(problem.name, new ApiResponse().description(problem.description)
                    .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(
                            new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)))));
        }
        components.addSecuritySchemes(securityScheme, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description(credentialDescription));
        openApi.security(List.of(new SecurityRequirement().addList(securityScheme)));
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(this::complete));
        }
    }

    /** What each operation can answer beyond its own annotations: every request may be malformed or unauthenticated. */
    private void complete(Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean hasPathIds = false;
        for (Parameter parameter : parameters) {
            if ("path".equals(parameter.getIn())) {
                // Every path id of every Flexboard API is a UUID; a non-UUID answers 400, never a lookup. The one
                // other kind, an SSO provider's configured id, declares its own pattern.
                if (parameter.getSchema() == null || parameter.getSchema().getPattern() == null) {
                    parameter.schema(new StringSchema().format("uuid"));
                }
                hasPathIds = true;
            }
        }
        operation.addParametersItem(new HeaderParameter().name("X-Correlation-Id").required(false)
                .description("Carried into logs and events; one is made up when absent or not a safe token")
                .schema(new StringSchema().maxLength(128)));
        if (operation.getExtensions() != null && operation.getExtensions().remove(READ_YOUR_WRITES) != null) {
            if (operation.getExtensions().isEmpty()) {
                operation.setExtensions(null);
            }
            operation.addParametersItem(new HeaderParameter().name("X-Consistency-Token").required(false)
                    .description("A command's X-Consistency-Token (<tenant id>:<version>): the answer waits until the read "
                            + "side shows that command, 503 when it does not in time")
                    .schema(new StringSchema().pattern("^[0-9a-fA-F-]{36}:[0-9]{1,18}$")));
            addProblem(operation, ProblemResponse.SERVICE_UNAVAILABLE);
        }
        addProblem(operation, ProblemResponse.BAD_REQUEST);
        addProblem(operation, ProblemResponse.UNAUTHORIZED);
        if (hasPathIds) {
            addProblem(operation, ProblemResponse.NOT_FOUND);
        }
        if (operation.getRequestBody() != null) {
            addProblem(operation, ProblemResponse.PAYLOAD_TOO_LARGE);
            addProblem(operation, ProblemResponse.UNSUPPORTED_MEDIA_TYPE);
        }
    }

    /** Jackson writes an absent value as null: a property the schema does not require may be null. */
    private static void nullableUnlessRequired(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            if (!required.contains(name) && property.getTypes() != null && !property.getTypes().isEmpty()) {
                Set<String> types = new LinkedHashSet<>(property.getTypes());
                types.add("null");
                property.setTypes(types);
            }
        });
    }

    private static void addProblem(Operation operation, ProblemResponse problem) {
        if (!operation.getResponses().containsKey(problem.code)) {
            operation.getResponses().addApiResponse(problem.code, new ApiResponse().$ref(problem.ref()));
        }
    }

    private static Schema<?> problemSchema() {
        Schema<?> problem = new ObjectSchema()
                .description("RFC 7807 problem; `type` is https://flexboard.io/problems/<slug>")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError")));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }

    private static Schema<?> fieldErrorSchema() {
        Schema<?> error = new ObjectSchema()
                .description("One offending field, named by its JSON path (e.g. widgets[0].config.query) or header")
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        error.setRequired(List.of("field", "message"));
        return error;
    }
}
