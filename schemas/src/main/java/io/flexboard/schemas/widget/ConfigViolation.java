package io.flexboard.schemas.widget;

/**
 * One offending field of a widget config. {@code path} is relative to the config, written the way
 * command-api names request fields ({@code dataSource.query}, {@code interactions.filters[1].type}),
 * and empty for the config itself; each user puts its own prefix in front.
 */
public record ConfigViolation(String path, String message) {

    /** The field named under {@code prefix}: {@code widgets[0].config} + {@code dataSource.query}. */
    public String fieldUnder(String prefix) {
        if (path.isEmpty()) {
            return prefix;
        }
        return path.startsWith("[") ? prefix + path : prefix + "." + path;
    }
}
