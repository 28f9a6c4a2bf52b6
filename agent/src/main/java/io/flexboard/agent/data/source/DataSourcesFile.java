package io.flexboard.agent.data.source;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code datasources.yml}, the roadmap's DataSourceConfig list plus {@code default}:
 * <pre>
 * datasources:
 *   - id: main
 *     name: Main SQL Server
 *     type: sqlserver          # sqlserver | postgresql | mysql | mongodb | rest_api | csv | excel
 *     connection: {host: db.local, port: 1433, database: Sales, username: reader, password: ${SALES_DB_PASSWORD}}
 *     options: {ssl: true, timeout: 30000, poolSize: 10}
 * default: main
 * </pre>
 * Strict on purpose: an unknown field is a typo ({@code pasword}) that would otherwise surface as a login
 * failure far from its cause. Every problem is collected, each naming its entry and field; a secret written
 * {@code ${NAME}} is read from the environment and its value never appears in a message.
 */
public final class DataSourcesFile {

    /** A data sources file is a few entries; anything this large is not one. */
    public static final int MAX_BYTES = 1024 * 1024;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Set<String> TOP_FIELDS = Set.of("datasources", "default");
    private static final Set<String> ENTRY_FIELDS = Set.of("id", "name", "type", "connection", "options");
    private static final Set<String> CONNECTION_FIELDS = Set.of("host", "port", "database", "username", "password",
            "url", "apiKey", "headers");
    private static final Set<String> OPTION_FIELDS = Set.of("ssl", "timeout", "poolSize");
    private static final long MIN_TIMEOUT_MS = 100;
    private static final long MAX_TIMEOUT_MS = 600_000;
    private static final int MAX_POOL_SIZE = 100;
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final UnaryOperator<String> environment;

    /** @param environment reads {@code ${NAME}} secrets: variable name to value, null when unset */
    public DataSourcesFile(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /**
     * @param name      how messages name the file (its path)
     * @param text      the file's content
     * @param directory where relative paths in it start (the file's own directory)
     */
    public DataSourceSet parse(String name, String text, Path directory) throws InvalidDataSourcesException {
        if (text.length() > MAX_BYTES) {
            throw new InvalidDataSourcesException(name, List.of("is larger than " + MAX_BYTES + " bytes"));
        }
        JsonNode root;
        try {
            root = text.isBlank() ? YAML.createObjectNode() : YAML.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidDataSourcesException(name, List.of("is not valid YAML: " + e.getOriginalMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || root.isNull() || root.isMissingNode()) {
            return DataSourceSet.EMPTY;
        }
        if (!root.isObject()) {
            throw new InvalidDataSourcesException(name, List.of("must be a mapping with 'datasources' and 'default'"));
        }
        unknownFields(root, TOP_FIELDS, "", problems);
        Map<String, DataSourceDefinition> definitions = new LinkedHashMap<>();
        JsonNode list = root.path("datasources");
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            problems.add("datasources: must be a list of data sources");
        } else if (list.isArray()) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                entry(list.get(i), i, directory, ids, definitions, problems);
            }
        }
        Optional<String> defaultId = defaultId(root.path("default"), definitions, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDataSourcesException(name, problems);
        }
        return new DataSourceSet(definitions, defaultId);
    }

    private void entry(JsonNode node, int index, Path directory, Set<String> ids,
                       Map<String, DataSourceDefinition> definitions, List<String> problems) {
        String at = "datasources[" + index + "]";
        if (!node.isObject()) {
            problems.add(at + ": must be a mapping with id, type and connection");
            return;
        }
        String id = text(node, "id", at, problems).orElse(null);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(at + ".id: must be 1 to 64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
            id = null;
        }
        if (id != null) {
            at = at + " (" + id + ")";
            if (!ids.add(id)) {
                problems.add(at + ".id: '" + id + "' is defined twice");
            }
        } else if (node.path("id").isMissingNode()) {
            problems.add(at + ".id: is required");
        }
        int before = problems.size();
        unknownFields(node, ENTRY_FIELDS, at + ".", problems);
        Optional<String> name = text(node, "name", at, problems);
        DataSourceType type = type(node.path("type"), at, problems);
        DataSourceDefinition.ConnectionSettings connection = connection(node.path("connection"), at, problems);
        DataSourceDefinition.Options options = options(node.path("options"), at, problems);
        if (type != null && connection != null) {
            requiredFor(type, connection, at, problems);
        }
        if (id != null && type != null && connection != null && options != null && problems.size() == before) {
            definitions.putIfAbsent(id, new DataSourceDefinition(id, name.orElse(id), type, connection, options, directory));
        }
    }

    private static DataSourceType type(JsonNode node, String at, List<String> problems) {
        List<String> names = java.util.Arrays.stream(DataSourceType.values()).map(DataSourceType::yamlName).toList();
        if (node.isMissingNode() || node.isNull()) {
            problems.add(at + ".type: is required: one of " + String.join(", ", names));
            return null;
        }
        Optional<DataSourceType> type = node.isString() ? DataSourceType.fromYaml(node.stringValue()) : Optional.empty();
        if (type.isEmpty()) {
            problems.add(at + ".type: must be one of " + String.join(", ", names) + ", got '" + node.asString() + "'");
        }
        return type.orElse(null);
    }

    private DataSourceDefinition.ConnectionSettings connection(JsonNode node, String at, List<String> problems) {
        String field = at + ".connection";
        if (node.isMissingNode() || node.isNull()) {
            problems.add(field + ": is required");
            return null;
        }
        if (!node.isObject()) {
            problems.add(field + ": must be a mapping");
            return null;
        }
        unknownFields(node, CONNECTION_FIELDS, field + ".", problems);
        Integer port = null;
        JsonNode portNode = node.path("port");
        if (!portNode.isMissingNode() && !portNode.isNull()) {
            if (portNode.isIntegralNumber() && portNode.longValue() >= 1 && portNode.longValue() <= 65535) {
                port = portNode.intValue();
            } else {
                problems.add(field + ".port: must be a whole number from 1 to 65535, got '" + portNode.asString() + "'");
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode headerNode = node.path("headers");
        if (!headerNode.isMissingNode() && !headerNode.isNull()) {
            if (!headerNode.isObject()) {
                problems.add(field + ".headers: must be a mapping of header name to value");
            } else {
                for (Map.Entry<String, JsonNode> header : headerNode.properties()) {
                    String headerField = field + ".headers." + header.getKey();
                    if (!header.getKey().matches("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}")) {
                        problems.add(headerField + ": is not a valid HTTP header name");
                    } else if (!header.getValue().isValueNode() || header.getValue().isNull()) {
                        problems.add(headerField + ": must be text");
                    } else {
                        resolve(header.getValue().asString(), headerField, problems).ifPresent(value -> headers.put(header.getKey(), value));
                    }
                }
            }
        }
        return new DataSourceDefinition.ConnectionSettings(
                secretOrText(node, "host", field, problems), port,
                secretOrText(node, "database", field, problems), secretOrText(node, "username", field, problems),
                secretOrText(node, "password", field, problems), secretOrText(node, "url", field, problems),
                secretOrText(node, "apiKey", field, problems), headers);
    }

    private static DataSourceDefinition.Options options(JsonNode node, String at, List<String> problems) {
        String field = at + ".options";
        if (node.isMissingNode() || node.isNull()) {
            return new DataSourceDefinition.Options(false, DataSourceDefinition.Options.DEFAULT_TIMEOUT,
                    DataSourceDefinition.Options.DEFAULT_POOL_SIZE);
        }
        if (!node.isObject()) {
            problems.add(field + ": must be a mapping");
            return null;
        }
        unknownFields(node, OPTION_FIELDS, field + ".", problems);
        boolean ssl = false;
        JsonNode sslNode = node.path("ssl");
        if (!sslNode.isMissingNode() && !sslNode.isNull()) {
            if (sslNode.isBoolean()) {
                ssl = sslNode.booleanValue();
            } else {
                problems.add(field + ".ssl: must be true or false, got '" + sslNode.asString() + "'");
            }
        }
        long timeout = wholeNumber(node.path("timeout"), field + ".timeout", MIN_TIMEOUT_MS, MAX_TIMEOUT_MS,
                DataSourceDefinition.Options.DEFAULT_TIMEOUT.toMillis(), " (milliseconds)", problems);
        long poolSize = wholeNumber(node.path("poolSize"), field + ".poolSize", 1, MAX_POOL_SIZE,
                DataSourceDefinition.Options.DEFAULT_POOL_SIZE, "", problems);
        return new DataSourceDefinition.Options(ssl, Duration.ofMillis(timeout), (int) poolSize);
    }

    /** What each type cannot do without; the rest of the connection block is optional. */
    private static void requiredFor(DataSourceType type, DataSourceDefinition.ConnectionSettings connection, String at,
                                    List<String> problems) {
        String field = at + ".connection";
        switch (type) {
            case SQLSERVER, POSTGRESQL, MYSQL -> {
                if (connection.host() == null && connection.url() == null) {
                    problems.add(field + ".host: is required for " + type.yamlName() + " (or a full JDBC url)");
                }
            }
            case MONGODB -> {
                if (connection.host() == null && connection.url() == null) {
                    problems.add(field + ".url: is required for mongodb (a mongodb:// connection string), or host");
                }
            }
            case REST_API -> {
                if (connection.url() == null) {
                    problems.add(field + ".url: is required for rest_api (the API's base URL)");
                } else if (!connection.url().startsWith("http://") && !connection.url().startsWith("https://")) {
                    problems.add(field + ".url: must be an http:// or https:// URL for rest_api");
                }
            }
            case CSV, EXCEL -> {
                if (connection.url() == null) {
                    problems.add(field + ".url: is required for " + type.yamlName() + " (the directory holding the files)");
                }
            }
        }
    }

    private static Optional<String> defaultId(JsonNode node, Map<String, DataSourceDefinition> definitions, List<String> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return definitions.size() == 1 ? Optional.of(definitions.keySet().iterator().next()) : Optional.empty();
        }
        if (!node.isString()) {
            problems.add("default: must be the id of one of the data sources");
            return Optional.empty();
        }
        if (!definitions.containsKey(node.stringValue())) {
            problems.add("default: '" + node.stringValue() + "' is not the id of a data source in this file");
        }
        return Optional.of(node.stringValue());
    }

    private String secretOrText(JsonNode node, String key, String at, List<String> problems) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            problems.add(at + "." + key + ": must be text");
            return null;
        }
        return resolve(value.asString(), at + "." + key, problems).orElse(null);
    }

    /** Replaces every {@code ${NAME}} with the environment's value; an unset variable is a problem naming it. */
    private Optional<String> resolve(String text, String field, List<String> problems) {
        Matcher matcher = ENV_REFERENCE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        boolean complete = true;
        while (matcher.find()) {
            String value = environment.apply(matcher.group(1));
            if (value == null) {
                problems.add(field + ": the environment variable " + matcher.group(1) + " is not set");
                complete = false;
                value = "";
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return complete ? Optional.of(resolved.toString()) : Optional.empty();
    }

    private static Optional<String> text(JsonNode node, String key, String at, List<String> problems) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString() && !value.isNumber()) {
            problems.add(at + "." + key + ": must be text");
            return Optional.empty();
        }
        String text = value.asString().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static long wholeNumber(JsonNode node, String field, long min, long max, long fallback, String unit,
                                    List<String> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || node.longValue() < min || node.longValue() > max) {
            problems.add(field + ": must be a whole number from " + min + " to " + max + unit + ", got '" + node.asString() + "'");
            return fallback;
        }
        return node.longValue();
    }

    private static void unknownFields(JsonNode node, Set<String> known, String at, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (String field : node.propertyNames()) {
            if (!known.contains(field) && seen.add(field)) {
                problems.add(at + field + ": is not a known field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }
}
