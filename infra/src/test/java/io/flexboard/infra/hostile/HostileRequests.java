package io.flexboard.infra.hostile;

import io.flexboard.infra.hostile.ApiOperations.Operation;
import io.flexboard.infra.hostile.ApiOperations.Parameter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed requests for every operation of the OpenAPI documents, as jqwik arbitraries: wrong JSON types and
 * missing required fields, huge strings and bodies, deep nesting, NUL and lone surrogates in every kind of
 * string (body, path, query, headers), out-of-range numbers and instants, other tenants' and unknown ids,
 * malformed, foreign and absent credentials, encoded path tricks. Every one of them must be refused with a
 * 4xx problem and change nothing.
 */
final class HostileRequests {

    /**
     * A request as sent on the wire, with the attack it carries; a body always goes as {@code application/json},
     * and an operation that takes a form gets an empty one (so its refusal is about the attack, not a 415).
     */
    record HostileRequest(Operation operation, String attack, String method, String target, List<RawHttp.Header> headers,
                          byte[] body) {

        HostileRequest {
            if (body == null && operation.formBody()) {
                List<RawHttp.Header> withType = new ArrayList<>(headers);
                withType.add(RawHttp.Header.of("Content-Type", "application/x-www-form-urlencoded"));
                headers = List.copyOf(withType);
                body = new byte[0];
            } else if (body != null) {
                List<RawHttp.Header> withType = new ArrayList<>(headers);
                withType.add(RawHttp.Header.of("Content-Type", "application/json"));
                headers = List.copyOf(withType);
            }
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return attack + ": " + method + " " + (target.length() > 300 ? target.substring(0, 300) + "…" : target) + " " + shown;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Replaced in the serialized body by raw JSON text a mapper would not write (a lone surrogate, 1e400, deep nesting). */
    private static final String RAW = "@@raw@@";
    /** Over every service's 256 KB body limit. */
    private static final int HUGE = 300 * 1024;
    private static final String DEEP = "[".repeat(5_000) + "]".repeat(5_000);

    private final HostileStack world;

    HostileRequests(HostileStack world) {
        this.world = world;
    }

    /** Any attack on any operation. */
    Arbitrary<HostileRequest> any(List<Operation> operations) {
        return Arbitraries.of(operations.stream().filter(this::hasAttacks).toList()).flatMap(this::against);
    }

    /** Whether any attack applies: an open read without parameters (the JWKS) has none. */
    boolean hasAttacks(Operation operation) {
        return !attacksOn(operation).isEmpty();
    }

    /** The attacks that apply to an operation. */
    Arbitrary<HostileRequest> against(Operation operation) {
        return Arbitraries.oneOf(attacksOn(operation));
    }

    private List<Arbitrary<HostileRequest>> attacksOn(Operation operation) {
        List<Arbitrary<HostileRequest>> attacks = new ArrayList<>();
        if (operation.hasBody()) {
            attacks.add(bodyAttacks(operation));
        }
        if (!operation.in("path").isEmpty()) {
            attacks.add(pathIdAttacks(operation));
        }
        if (!operation.in("query").isEmpty()) {
            attacks.add(queryAttacks(operation));
        }
        // An open operation (sign-in, the JWKS) has no credential to attack, and its header attacks rely on an
        // unknown key keeping the request refused; its bodies, parameters and path tricks are attacked as any other's.
        if (!operation.credential().equals(ApiOperations.OPEN)) {
            attacks.add(credentialAttacks(operation));
            attacks.add(headerAttacks(operation));
        }
        if (!operation.method().equals("GET")) {
            attacks.add(pathTricks(operation));
        }
        return attacks;
    }

    /** Attacks on the body: every field of it, nested ones included. */
    Arbitrary<HostileRequest> bodyAttacks(Operation operation) {
        List<Field> fields = fields(operation, operation.body(), "", 0);
        Arbitrary<HostileRequest> onFields = Arbitraries.of(fields).flatMap(field -> Arbitraries.of(FieldAttack.values())
                .filter(attack -> attack.appliesTo(field))
                .flatMap(attack -> attack.valuesFor(this, field).map(value -> {
                    ObjectNode body = baseline(operation);
                    String text = attack == FieldAttack.MISSING_REQUIRED ? remove(body, field.path()) : replace(body, field.path(), value);
                    return request(operation, "body " + attack.name().toLowerCase() + " at " + field.path(),
                            pathWith(operation, null, null), List.of(), text.getBytes(StandardCharsets.UTF_8));
                })));
        // Not "null": the optional bodies (pause, save draft, restore, rebuild) read it as no body, by design.
        Arbitrary<HostileRequest> whole = Arbitraries.of("{", "[]", "\"text\"", "42", "{\"a\":" + DEEP + "}",
                        "{\"padding\":\"" + "x".repeat(HUGE) + "\"}", "\u0000", "{\"\\ud800\":1}")
                .map(text -> request(operation, "body not the object", pathWith(operation, null, null), List.of(),
                        text.getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, onFields), net.jqwik.api.Tuple.of(1, whole));
    }

    /** Attacks on a path id: malformed (not a UUID, NUL, a lone surrogate, climbing, huge) or unknown. */
    Arbitrary<HostileRequest> pathIdAttacks(Operation operation) {
        return Arbitraries.of(operation.in("path")).flatMap(parameter -> Arbitraries.of("not-a-uuid", "%00", "a%00b",
                        "%ED%A0%80", "..%2F..%2Fhealth", "%2e%2e", "x".repeat(3_000), "00000000-0000-0000-0000-00000000000g",
                        UUID.randomUUID().toString(), UUID.randomUUID() + "%00", "'%20or%201=1--")
                .map(value -> request(operation, "path " + parameter.name() + (isUuid(value) ? " unknown" : " malformed"),
                        pathWith(operation, parameter.name(), value), List.of(), validBodyOrNull(operation))));
    }

    /** Attacks on a query parameter: NUL, lone surrogates, out-of-range instants and numbers, wrong types, huge. */
    Arbitrary<HostileRequest> queryAttacks(Operation operation) {
        return Arbitraries.of(operation.in("query")).flatMap(parameter -> {
            List<String> values = new ArrayList<>(List.of("%00", "a%00b", "%ED%A0%80", "%FF%FE", "x".repeat(10_000)));
            if (parameter.format().equals("date-time")) {
                values.addAll(List.of("%2B300000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-13-45T99:99:99Z", "yesterday"));
            } else if (parameter.isInteger()) {
                values.addAll(List.of("abc", "-1", "0", "99999999999999999999", "1e400", "NaN"));
            } else if (parameter.format().equals("uuid")) {
                values.addAll(List.of("not-a-uuid", "%00"));
            } else if (parameter.schema().has("enum")) {
                values.addAll(List.of("NOT-A-STATE", "synced%00"));
            }
            return Arbitraries.of(values).map(value -> request(operation, "query " + parameter.name(),
                    pathWith(operation, null, null) + "?" + parameter.name() + "=" + value, List.of(), validBodyOrNull(operation)));
        });
    }

    /** Absent, malformed, unknown and foreign credentials (the other kind's, or with a NUL). */
    Arbitrary<HostileRequest> credentialAttacks(Operation operation) {
        String foreign = operation.credential().equals("api-key") ? "Bearer " + HostileStack.ADMIN_TOKEN : "Bearer " + world.acme.apiKey();
        return Arbitraries.of("", "Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer fbk_unknown_0000000000000000", foreign,
                        "Bearer " + HostileStack.ADMIN_TOKEN + "\u0000", "Bearer \uD800", "Bearer " + "x".repeat(20_000))
                .map(value -> new HostileRequest(operation, "credential " + (value.isEmpty() ? "absent" : "bad"), operation.method(),
                        pathWith(operation, null, null), value.isEmpty() ? List.of() : List.of(rawHeader("Authorization", value)),
                        validBodyOrNull(operation)));
    }

    /**
     * Malformed values of the headers the operation's document declares: X-Consistency-Token and If-Match with a
     * valid credential; X-Correlation-Id (which a service replaces when it is not a safe token) with an unknown key,
     * so the request stays refused; and with an unknown key a well-formed X-Consistency-Token, which must not hold
     * the request (issue 11, scenario 4).
     */
    Arbitrary<HostileRequest> headerAttacks(Operation operation) {
        String credential = credential(operation);
        String unknownKey = "Bearer fbk_unknown_0000000000000000";
        List<String> hostile = List.of("x", "\u0000", "a\u0000b", "\uD800", ":", "not-a-uuid:1", "x".repeat(10_000));
        List<List<RawHttp.Header>> headerSets = new ArrayList<>();
        for (Parameter header : operation.in("header")) {
            List<String> values = new ArrayList<>(hostile);
            switch (header.name()) {
                case "X-Consistency-Token" -> {
                    values.addAll(List.of(world.acme.id() + ":99999999999999999999", world.acme.id() + ":-1"));
                    values.forEach(value -> headerSets.add(List.of(rawHeader("Authorization", credential), rawHeader(header.name(), value))));
                    headerSets.add(List.of(rawHeader("Authorization", unknownKey), rawHeader(header.name(), world.acme.id() + ":999999")));
                }
                case "If-Match" -> {
                    values.addAll(List.of("99999999999999999999", "W/\"abc\""));
                    values.forEach(value -> headerSets.add(List.of(rawHeader("Authorization", credential), rawHeader(header.name(), value))));
                }
                default -> values.forEach(value -> headerSets.add(List.of(rawHeader("Authorization", unknownKey), rawHeader(header.name(), value))));
            }
        }
        return Arbitraries.of(headerSets).map(headers -> new HostileRequest(operation, "header " + headers.get(1).name(),
                operation.method(), pathWith(operation, null, null), headers, validBodyOrNull(operation)));
    }

    /** Spellings of the path that WebFlux would route but a prefix check would not, sent without a credential. */
    Arbitrary<HostileRequest> pathTricks(Operation operation) {
        String path = pathWith(operation, null, null);
        String rest = path.substring("/api".length());
        return Arbitraries.of("/%61pi" + rest, "/api;x" + rest, "/%2Fapi" + rest, "//api" + rest, "/api/." + rest,
                        "/x/../api" + rest, "/API" + rest, "/api%2F" + rest.substring(1))
                .map(target -> new HostileRequest(operation, "path trick", operation.method(), target, List.of(), validBodyOrNull(operation)));
    }

    // --- the fields of a body and what each attack puts in them -----------------------------------------------

    /** A field of the body: its JSON pointer-like path ({@code widgets[0].config.query}) and its schema. */
    record Field(String path, JsonNode schema, boolean required) {

        Set<String> types() {
            return ApiOperations.types(schema);
        }
    }

    private List<Field> fields(Operation operation, JsonNode schema, String prefix, int depth) {
        List<Field> fields = new ArrayList<>();
        JsonNode resolved = operation.resolve(schema);
        List<String> required = new ArrayList<>();
        resolved.path("required").forEach(name -> required.add(name.asString()));
        resolved.path("properties").properties().forEach(property -> {
            String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
            JsonNode propertySchema = operation.resolve(property.getValue());
            fields.add(new Field(path, propertySchema, required.contains(property.getKey())));
            if (depth < 2 && propertySchema.has("items")) {
                fields.addAll(fields(operation, propertySchema.get("items"), path + "[0]", depth + 1));
            }
            if (depth < 2 && ApiOperations.types(propertySchema).contains("object") && !propertySchema.has("properties")) {
                // A free-form object (a widget's config): its strings reach the read side too.
                fields.add(new Field(path + ".query", JSON.readTree("{\"type\":\"string\"}"), false));
                fields.add(new Field(path + ".chartConfig.title", JSON.readTree("{\"type\":\"string\"}"), false));
            }
        });
        return fields;
    }

    /** What each attack puts in a field; a value of {@link #RAW}-prefixed text is written into the JSON as is. */
    enum FieldAttack {
        WRONG_TYPE, MISSING_REQUIRED, NUL, LONE_SURROGATE, HUGE_STRING, DEEP_NESTING, OUT_OF_RANGE_NUMBER, FOREIGN_ID;

        /**
         * Diagnostic text kept with NUL and lone surrogates replaced by U+FFFD instead of refused, so an agent
         * whose error message holds a stray byte still syncs (docs/agent-bridge.md; HostileSyncBodyTest).
         */
        private static final Set<String> REPAIRED = Set.of("last_error");

        boolean appliesTo(Field field) {
            return switch (this) {
                case MISSING_REQUIRED -> field.required();
                case NUL, LONE_SURROGATE -> field.types().contains("string") && !REPAIRED.contains(field.path());
                case HUGE_STRING -> field.types().contains("string");
                case OUT_OF_RANGE_NUMBER -> field.types().contains("integer");
                case FOREIGN_ID -> "uuid".equals(field.schema().path("format").asString(""));
                default -> true;
            };
        }

        Arbitrary<String> valuesFor(HostileRequests requests, Field field) {
            return switch (this) {
                case WRONG_TYPE -> Arbitraries.of(wrongTypes(field));
                case MISSING_REQUIRED -> Arbitraries.just("");
                case NUL -> Arbitraries.of("\u0000", "a\u0000b", "name\u0000");
                case LONE_SURROGATE -> Arbitraries.of(RAW + "\"\\ud800\"", RAW + "\"a\\udc00b\"", RAW + "\"\\ud83d\"");
                case HUGE_STRING -> Arbitraries.just("x".repeat(HUGE));
                case DEEP_NESTING -> Arbitraries.just(RAW + DEEP);
                case OUT_OF_RANGE_NUMBER -> Arbitraries.of(RAW + "1e400", RAW + "99999999999999999999999", RAW + "-99999999999999999999",
                        RAW + "1.5", RAW + "-1");
                case FOREIGN_ID -> Arbitraries.of(requests.world.globex.widgetId(), requests.world.globex.id(),
                        requests.world.globex.dashboardId());
            };
        }

        private static List<String> wrongTypes(Field field) {
            // Only values of a type the field does not take: an empty list for a list is no attack.
            Set<String> types = field.types();
            List<String> values = new ArrayList<>();
            if (!types.contains("object")) {
                values.add(RAW + "{}");
            }
            if (!types.contains("array")) {
                values.add(RAW + "[]");
            }
            if (!types.contains("boolean")) {
                values.add(RAW + "true");
            }
            if (types.contains("integer") || types.contains("number")) {
                values.add(RAW + "\"twelve\"");
            } else {
                values.add(RAW + "12");
            }
            return values;
        }
    }

    // --- building requests --------------------------------------------------------------------------------------

    private HostileRequest request(Operation operation, String attack, String target, List<RawHttp.Header> extra, byte[] body) {
        List<RawHttp.Header> headers = new ArrayList<>();
        headers.add(rawHeader("Authorization", credential(operation)));
        headers.addAll(extra);
        return new HostileRequest(operation, attack, operation.method(), target, headers, body);
    }

    private String credential(Operation operation) {
        return "Bearer " + (operation.credential().equals("api-key") ? world.acme.apiKey() : HostileStack.ADMIN_TOKEN);
    }

    /** The operation's path with the world's tenant acme's ids, one parameter replaced by {@code value} (raw, already encoded). */
    String pathWith(Operation operation, String replaced, String value) {
        String path = operation.path();
        for (Parameter parameter : operation.in("path")) {
            String id = parameter.name().equals(replaced) ? value : switch (parameter.name()) {
                case "tenantId" -> world.acme.id();
                case "dashboardId" -> world.acme.dashboardId();
                case "versionId" -> world.acme.versionId();
                default -> UUID.randomUUID().toString();
            };
            path = path.replace("{" + parameter.name() + "}", id);
        }
        return path;
    }

    private byte[] validBodyOrNull(Operation operation) {
        return operation.hasBody() ? JSON.writeValueAsString(baseline(operation)).getBytes(StandardCharsets.UTF_8) : null;
    }

    /** A body of the operation's shape with plausible values: each attack spoils one part of it. */
    ObjectNode baseline(Operation operation) {
        JsonNode value = sample(operation, operation.body(), "");
        return value instanceof ObjectNode object ? object : JSON.createObjectNode();
    }

    private JsonNode sample(Operation operation, JsonNode schema, String name) {
        JsonNode resolved = operation.resolve(schema);
        Set<String> types = ApiOperations.types(resolved);
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        if (resolved.has("properties")) {
            ObjectNode object = JSON.createObjectNode();
            resolved.get("properties").properties().forEach(property -> object.set(property.getKey(),
                    sample(operation, property.getValue(), property.getKey())));
            return object;
        }
        if (types.contains("array")) {
            ArrayNode array = JSON.createArrayNode();
            array.add(sample(operation, resolved.path("items"), name));
            return array;
        }
        if (types.contains("object")) {
            return JSON.readTree("{\"query\":\"SELECT 1\",\"type\":\"bar\"}");
        }
        if (types.contains("integer")) {
            return JSON.getNodeFactory().numberNode(resolved.path("minimum").asLong(1) > 0 ? resolved.path("minimum").asLong(1) : 1);
        }
        if (types.contains("boolean")) {
            return JSON.getNodeFactory().booleanNode(false);
        }
        String format = resolved.path("format").asString("");
        if (format.equals("uuid")) {
            return JSON.getNodeFactory().stringNode(name.equals("tenant_id") ? world.acme.id() : UUID.randomUUID().toString());
        }
        if (format.equals("date-time")) {
            return JSON.getNodeFactory().stringNode(Instant.now().toString());
        }
        if (name.equals("widget_type") || name.equals("type")) {
            return JSON.getNodeFactory().stringNode("bar");
        }
        // Lower-case letters fit every pattern of the documents (slugs, license types, agent ids) and every name.
        return JSON.getNodeFactory().stringNode("h" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).replaceAll("[0-9]", "k"));
    }

    private static String replace(ObjectNode body, String path, String value) {
        set(body, path, value.startsWith(RAW) ? JSON.getNodeFactory().stringNode(RAW) : JSON.getNodeFactory().stringNode(value));
        String text = JSON.writeValueAsString(body);
        return value.startsWith(RAW) ? text.replace("\"" + RAW + "\"", value.substring(RAW.length())) : text;
    }

    private static String remove(ObjectNode body, String path) {
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? body : node(body, path.substring(0, dot));
        if (parent instanceof ObjectNode object) {
            object.remove(dot < 0 ? path : path.substring(dot + 1));
        }
        return JSON.writeValueAsString(body);
    }

    /** Sets a value at a path such as {@code widgets[0].config.query}, making the objects on the way. */
    private static void set(ObjectNode body, String path, JsonNode value) {
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? body : node(body, path.substring(0, dot));
        if (parent instanceof ObjectNode object) {
            object.set(dot < 0 ? path : path.substring(dot + 1), value);
        }
    }

    private static JsonNode node(ObjectNode body, String path) {
        JsonNode node = body;
        for (String segment : path.split("\\.")) {
            boolean indexed = segment.endsWith("[0]");
            String name = indexed ? segment.substring(0, segment.length() - 3) : segment;
            JsonNode next = node.get(name);
            if (next == null && node instanceof ObjectNode object) {
                next = object.putObject(name);
            }
            node = indexed && next != null ? next.get(0) : next;
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** A header whose lone surrogates are written as their (invalid) UTF-8 bytes, as a hostile client would. */
    private static RawHttp.Header rawHeader(String name, String value) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                bytes.write(0xED);
                bytes.write(0xA0 | ((c >> 6) & 0x0F));
                bytes.write(0x80 | (c & 0x3F));
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return new RawHttp.Header(name, bytes.toByteArray());
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
