package io.flexboard.history.export;

/** The export could not run or finish here (exit code 1): broker, topic, record or file; the message says which. */
public final class ExportFailedException extends RuntimeException {

    ExportFailedException(String message) {
        super(message);
    }

    ExportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
