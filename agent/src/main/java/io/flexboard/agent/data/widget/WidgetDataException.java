package io.flexboard.agent.data.widget;

import java.util.Optional;

/**
 * Why {@code GET /api/data/:widgetKey} cannot answer with rows. The message is for the viewer's error state
 * and the customer's operator: it names the widget and the data source, never a credential.
 */
public final class WidgetDataException extends Exception {

    /** Each reason is one HTTP status and one problem type. */
    public enum Reason {
        BAD_FILTER(400, "bad-filter", "Bad filter value"),
        NO_CONFIGURATION(404, "no-configuration", "No configuration yet"),
        UNKNOWN_WIDGET(404, "unknown-widget", "Unknown widget"),
        UNKNOWN_DATA_SOURCE(422, "unknown-data-source", "Unknown data source"),
        REFUSED(422, "refused-query", "Query refused"),
        UNREACHABLE(502, "data-source-unreachable", "Data source unreachable"),
        TIMEOUT(504, "data-source-timeout", "Data source timed out"),
        BUSY(503, "agent-busy", "Agent busy");

        private final int status;
        private final String type;
        private final String title;

        Reason(int status, String type, String title) {
            this.status = status;
            this.type = type;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String type() {
            return type;
        }

        public String title() {
            return title;
        }
    }

    private final Reason reason;
    private final String widgetKey;
    private final String dataSourceId;

    public WidgetDataException(Reason reason, String widgetKey, String dataSourceId, String message) {
        super(message);
        this.reason = reason;
        this.widgetKey = widgetKey;
        this.dataSourceId = dataSourceId;
    }

    public Reason reason() {
        return reason;
    }

    public String widgetKey() {
        return widgetKey;
    }

    public Optional<String> dataSourceId() {
        return Optional.ofNullable(dataSourceId);
    }
}
