package io.flexboard.commandapi.api;

/** What the command side keeps of a new API key: its id, hash and a short prefix, never the key. */
public record IssuedApiKey(String keyId, String keyHash, String keyPrefix) {
}
