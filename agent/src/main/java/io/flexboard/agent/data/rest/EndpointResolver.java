package io.flexboard.agent.data.rest;

import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a widget's endpoint into a URL under the data source's base URL. The endpoint is a path (and query
 * string) relative to the base: it can neither name another host, scheme or port nor climb above the base's
 * path, so a widget cannot turn the agent into a proxy for the customer's network. {@code {name}} placeholders
 * become percent-encoded values (every byte but ALPHA / DIGIT / {@code -._~}), so a value cannot add a
 * parameter, a path segment or a fragment.
 */
final class EndpointResolver {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.\\-]*)}");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:");
    /** Percent-escapes of '.', '/' and '\': a server that decodes before routing would climb with them. */
    private static final Pattern ENCODED_PATH_CHARACTER = Pattern.compile("%(2e|2f|5c)", Pattern.CASE_INSENSITIVE);

    private final URI base;
    private final String basePath;

    EndpointResolver(URI base) {
        this.base = base;
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    URI resolve(String endpoint, Map<String, Object> parameters) throws ConnectorException {
        String template = endpoint == null ? "" : endpoint;
        checkTemplate(template);
        int queryStart = template.indexOf('?');
        String pathTemplate = queryStart < 0 ? template : template.substring(0, queryStart);
        String queryTemplate = queryStart < 0 ? null : template.substring(queryStart + 1);

        String path = substitute(pathTemplate, parameters, true);
        if (!path.isEmpty() && !path.startsWith("/")) {
            path = "/" + path;
        }
        String query = queryTemplate == null ? null : substitute(queryTemplate, parameters, false);
        String text = base.getScheme() + "://" + base.getRawAuthority() + basePath + path
                + (query == null ? "" : "?" + query);
        URI resolved;
        try {
            resolved = new URI(text);
        } catch (URISyntaxException e) {
            throw refused(endpoint, "is not a valid URL path (" + e.getReason() + ")");
        }
        checkStaysUnderBase(resolved, endpoint);
        return resolved;
    }

    private void checkTemplate(String template) throws ConnectorException {
        if (template.startsWith("//") || template.startsWith("\\") || SCHEME.matcher(template).find()) {
            throw refused(template, "names another host: an endpoint is a path relative to the data source's url");
        }
        if (template.indexOf('#') >= 0 || template.indexOf('\\') >= 0) {
            throw refused(template, "holds '#' or '\\', which have no place in an endpoint");
        }
        int queryStart = template.indexOf('?');
        String path = queryStart < 0 ? template : template.substring(0, queryStart);
        if (ENCODED_PATH_CHARACTER.matcher(path).find()) {
            throw refused(template, "holds an encoded '.', '/' or '\\' in its path");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw refused(template, "climbs out of the data source's url with '" + segment + "'");
            }
        }
    }

    private void checkStaysUnderBase(URI resolved, String endpoint) throws ConnectorException {
        boolean sameOrigin = base.getScheme().equalsIgnoreCase(resolved.getScheme())
                && base.getRawAuthority().equalsIgnoreCase(resolved.getRawAuthority());
        String path = resolved.getRawPath() == null ? "" : resolved.getRawPath();
        boolean underBase = path.equals(basePath) || path.startsWith(basePath + "/");
        boolean climbs = List.of(path.split("/", -1)).stream().anyMatch(s -> s.equals(".") || s.equals(".."));
        if (!sameOrigin || !underBase || climbs) {
            throw refused(endpoint, "does not stay under the data source's url");
        }
    }

    /**
     * Replaces each placeholder by its encoded value. In the path a value may hold neither '/' nor '\' nor be
     * a dot segment even encoded: some servers decode before routing, and would then climb.
     */
    private static String substitute(String template, Map<String, Object> parameters, boolean inPath)
            throws ConnectorException {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!parameters.containsKey(name) || parameters.get(name) == null) {
                throw new ConnectorException(Failure.REFUSED,
                        "the endpoint uses {" + name + "} but the widget gives no value for it");
            }
            String value = encoded(name, parameters.get(name));
            if (inPath && (value.equals(".") || value.equals("..") || ENCODED_PATH_CHARACTER.matcher(value).find())) {
                throw new ConnectorException(Failure.REFUSED,
                        "the value of {" + name + "} holds a path separator or is '.' or '..', which a path may not");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String encoded(String name, Object value) throws ConnectorException {
        if (value instanceof List<?> values) {
            StringBuilder joined = new StringBuilder();
            for (Object element : values) {
                if (!joined.isEmpty()) {
                    joined.append(',');
                }
                joined.append(encoded(name, element));
            }
            return joined.toString();
        }
        String text;
        if (value instanceof String string) {
            text = string;
        } else if (value instanceof BigDecimal decimal) {
            text = decimal.toPlainString();
        } else if (value instanceof LocalDate date) {
            text = date.toString();
        } else {
            throw new ConnectorException(Failure.REFUSED, "the value of {" + name + "} is neither text, a number nor a date");
        }
        return percentEncoded(text);
    }

    private static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    private static ConnectorException refused(String endpoint, String why) {
        return new ConnectorException(Failure.REFUSED, "the endpoint " + endpoint + " " + why);
    }
}
