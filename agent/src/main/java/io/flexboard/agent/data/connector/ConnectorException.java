package io.flexboard.agent.data.connector;

/**
 * A read that failed, classified by whose problem it is. The message is shown to the viewer: it names what
 * failed in plain words and never holds a password, an API key or a connection string with credentials.
 */
public final class ConnectorException extends Exception {

    /** Why a read failed; each maps to one HTTP status of {@code GET /api/data/:widgetKey}. */
    public enum Failure {
        /** The widget's statement, endpoint or file is not acceptable (not one read-only SELECT, a bad path…): 422. */
        REFUSED,
        /** The source cannot be reached or refused the login: 502. */
        UNREACHABLE,
        /** The source did not answer within {@code options.timeout}: 504. */
        TIMEOUT
    }

    private final Failure failure;

    public ConnectorException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public ConnectorException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
