package io.flexboard.commandapi.api;

/** A command names a dashboard or version the tenant does not have. */
public class UnknownEntityException extends RuntimeException {

    public UnknownEntityException(String kind, String id) {
        super("unknown " + kind + " " + id);
    }
}
