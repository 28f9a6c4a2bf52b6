package io.flexboard.infra.hostile;

import io.flexboard.infra.local.support.StackClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/** The operations of the four OpenAPI documents, as the hostile suite attacks them. */
public final class ApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** A parameter of an operation with its schema. */
    public record Parameter(String name, String in, JsonNode schema) {

        String format() {
            return schema.path("format").asString("");
        }

        boolean isInteger() {
            return types(schema).contains("integer");
        }
    }

    /**
     * One operation: {@code body} is its request body's schema with {@code $ref}s left in place (resolve them
     * with {@link #resolve}), or null when it takes none; {@code formBody} when it takes a form instead
     * (the SAML assertion consumer), whose fields the suite does not attack: such a request carries an empty form.
     */
    public record Operation(String service, String method, String path, List<Parameter> parameters, JsonNode body,
                            boolean formBody, String credential, JsonNode document) {

        public String key() {
            return service + " " + method + " " + path;
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(parameter -> parameter.in().equals(where)).toList();
        }

        boolean hasBody() {
            return body != null;
        }

        /** A schema with its {@code $ref} followed into the document's components. */
        JsonNode resolve(JsonNode schema) {
            JsonNode resolved = schema;
            while (resolved.has("$ref")) {
                String name = resolved.get("$ref").asString().substring("#/components/schemas/".length());
                resolved = document.at("/components/schemas/" + name);
            }
            return resolved;
        }
    }

    /** The credential of an operation open to everyone. */
    public static final String OPEN = "none";

    private ApiOperations() {
    }

    public static List<Operation> of(String service, JsonNode document) {
        String credential = document.at("/security/0").propertyNames().iterator().next();
        List<Operation> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (!METHODS.contains(entry.getKey())) {
                return;
            }
            JsonNode operation = entry.getValue();
            List<Parameter> parameters = new ArrayList<>();
            for (JsonNode parameter : operation.path("parameters")) {
                parameters.add(new Parameter(parameter.get("name").asString(), parameter.get("in").asString(), parameter.path("schema")));
            }
            JsonNode body = operation.at("/requestBody/content/application~1json/schema");
            boolean form = !operation.at("/requestBody/content/application~1x-www-form-urlencoded").isMissingNode();
            // "security": [] on an operation opens it (sign-in, the JWKS): it has no credential to attack.
            boolean open = operation.path("security").isArray() && operation.path("security").isEmpty();
            operations.add(new Operation(service, entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(parameters),
                    body.isMissingNode() ? null : body, form, open ? OPEN : credential, document));
        }));
        return operations;
    }

    /** The service's OpenAPI document as the router serves it; a document without its credential is no document. */
    public static JsonNode document(StackClient client, String service) throws Exception {
        HttpResponse<String> answer = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            answer = client.get("/api/docs/" + service + ".json", null, null);
            if (answer.statusCode() == 200 && StackClient.JSON.readTree(answer.body()).at("/security/0").isObject()) {
                return StackClient.JSON.readTree(answer.body());
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("No OpenAPI document of " + service + ": " + answer.statusCode() + " " + answer.body());
    }

    /** A schema's JSON types, whether written as {@code "type": "string"} or (OpenAPI 3.1) {@code ["string", "null"]}. */
    static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            Set<String> types = new java.util.HashSet<>();
            type.forEach(each -> types.add(each.asString()));
            return types;
        }
        if (type.isString()) {
            return Set.of(type.asString());
        }
        if (schema.has("properties")) {
            return Set.of("object");
        }
        return Set.of();
    }
}
