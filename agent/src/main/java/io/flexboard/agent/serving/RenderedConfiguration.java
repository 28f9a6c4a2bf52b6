package io.flexboard.agent.serving;

/**
 * The configuration as the local server hands it out, rendered once per update rather than per request.
 *
 * @param version the configuration version
 * @param sha256  its checksum (the ETag)
 * @param json    the metadata as JSON bytes
 */
record RenderedConfiguration(long version, String sha256, byte[] json) {
}
