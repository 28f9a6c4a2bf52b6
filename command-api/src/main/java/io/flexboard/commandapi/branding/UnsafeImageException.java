package io.flexboard.commandapi.branding;

/** An uploaded image that is refused; the message says why, after the field's name (e.g. "is not well-formed XML"). */
public class UnsafeImageException extends RuntimeException {

    public UnsafeImageException(String reason) {
        super(reason);
    }
}
