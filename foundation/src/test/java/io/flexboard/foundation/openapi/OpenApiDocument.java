package io.flexboard.foundation.openapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A service's OpenAPI document as the contract tests read it: its operations and its schemas, checked against real answers. */
public final class OpenApiDocument {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    public static OpenApiDocument parse(String json) {
        return new OpenApiDocument(JSON.readTree(json));
    }

    /**
     * The document the service serves at {@code /v3/api-docs} (open without a credential), also written to
     * {@code target/openapi.json} for reading: the document as this build serves it.
     */
    public static OpenApiDocument read(WebTestClient client) throws IOException {
        String json = client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Files.writeString(Path.of("target", "openapi.json"), json);
        return parse(json);
    }

    public JsonNode root() {
        return root;
    }

    /**
     * Whether the copy of this service's document that builder-ui keeps ({@code builder-ui/openapi/<service>.json},
     * its generated API types' source) is this document, the server URL (the test's random port) aside.
     * The copy is refreshed by {@code npm run openapi} in builder-ui (docs/builder-ui.md).
     */
    public boolean sameAsBuilderUiCopy(String service) throws IOException {
        Path copy = Path.of("..", "builder-ui", "openapi", service + ".json");
        if (!Files.exists(copy)) {
            return false;
        }
        ObjectNode served = (ObjectNode) root.deepCopy();
        served.remove("servers");
        ObjectNode committed = (ObjectNode) JSON.readTree(Files.readString(copy));
        committed.remove("servers");
        return served.equals(committed);
    }

    /** What to do when {@link #sameAsBuilderUiCopy(String)} is false. */
    public static String refreshBuilderUiCopy(String service) {
        return "builder-ui/openapi/" + service + ".json is not the document " + service + " serves now (" + service
                + "/target/openapi.json): run `npm run openapi` in builder-ui, fix what its typecheck then reports, "
                + "and commit builder-ui/openapi and builder-ui/src/api/generated";
    }

    /** Every documented operation as "METHOD /path/{variable}". */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        root.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    /** Every operation the service's handler mapping serves, springdoc's own endpoints left out. */
    public static Set<String> served(RequestMappingHandlerMapping mapping) {
        Set<String> operations = new TreeSet<>();
        for (var entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            if (handler.getBeanType().getName().startsWith("org.springdoc")) {
                continue;
            }
            for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                info.getMethodsCondition().getMethods().forEach(method -> operations.add(method.name() + " " + pattern.getPatternString()));
            }
        }
        return operations;
    }

    /** The operation's object, e.g. {@code operation("POST /api/tenants")}. */
    public JsonNode operation(String operation) {
        String[] parts = operation.split(" ", 2);
        return root.get("paths").get(parts[1]).get(parts[0].toLowerCase(Locale.ROOT));
    }

    /** Names of the template's variables, e.g. {@code tenantId} in {@code /api/tenants/{tenantId}}. */
    public static List<String> pathVariables(String operation) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(operation);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The path parameters an operation's template has, each as "name:uuid": every Flexboard path id is a UUID. */
    public static List<String> uuidPathVariables(String operation) {
        return uuidPathVariables(operation, java.util.Set.of());
    }

    /** As {@link #uuidPathVariables(String)}, but the {@code named} ones are documented by a pattern: "name:". */
    public static List<String> uuidPathVariables(String operation, java.util.Set<String> named) {
        return pathVariables(operation).stream().map(name -> name + (named.contains(name) ? ":" : ":uuid")).toList();
    }

    /** The names of every parameter the document declares for an operation (path, query and header). */
    public List<String> parameterNames(String operation) {
        JsonNode parameters = operation(operation).get("parameters");
        return parameters == null ? List.of() : parameters.valueStream().map(p -> p.get("name").asString()).toList();
    }

    /** The path parameters the document declares for an operation, in order, each as "name:format". */
    public List<String> documentedPathParameters(String operation) {
        List<String> names = new ArrayList<>();
        JsonNode parameters = operation(operation).get("parameters");
        if (parameters != null) {
            for (JsonNode parameter : parameters) {
                if ("path".equals(parameter.get("in").asString())) {
                    JsonNode format = parameter.path("schema").path("format");
                    names.add(parameter.get("name").asString() + ":" + (format.isMissingNode() ? "" : format.asString()));
                }
            }
        }
        return names;
    }

    /** The documented response of an operation for a status, its {@code $ref} followed. */
    public JsonNode response(String operation, int status) {
        JsonNode response = operation(operation).path("responses").path(Integer.toString(status));
        if (response.has("$ref")) {
            String name = response.get("$ref").asString().substring("#/components/responses/".length());
            return root.get("components").get("responses").get(name);
        }
        return response;
    }

    /** Schema violations of a JSON answer against the schema the document gives the operation's answer of that status and type. */
    public List<String> violations(String operation, int status, String mediaType, String body) {
        JsonNode response = response(operation, status);
        if (response.isMissingNode() || response.path("content").path(mediaType).isMissingNode()) {
            return List.of(operation + " documents no " + mediaType + " answer with status " + status);
        }
        return violations(response.get("content").get(mediaType).get("schema"), body);
    }

    /**
     * Violations of a JSON text against one of the document's schemas. The schema is checked as its own
     * JSON Schema resource carrying the document's components, so its {@code #/components/schemas/…} refs resolve.
     */
    public List<String> violations(JsonNode schema, String body) {
        ObjectNode resource = JSON.createObjectNode();
        resource.set("allOf", JSON.createArrayNode().add(schema));
        resource.set("components", root.get("components"));
        boolean openApi31 = root.get("openapi").asString().startsWith("3.1");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(openApi31 ? Dialects.getOpenApi31() : Dialects.getOpenApi30());
        Schema validator = registry.getSchema(SchemaLocation.of("https://flexboard.io/openapi.json"), resource);
        return validator.validate(JSON.readTree(body)).stream().map(Error::toString).toList();
    }
}
