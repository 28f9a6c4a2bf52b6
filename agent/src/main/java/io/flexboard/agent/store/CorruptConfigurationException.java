package io.flexboard.agent.store;

/** A configuration file that is not JSON, lacks a field, or whose checksum or version does not match its metadata. */
final class CorruptConfigurationException extends Exception {

    CorruptConfigurationException(String message) {
        super(message);
    }
}
