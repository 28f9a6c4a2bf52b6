package io.flexboard.queryapi.ops.relay;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How far the relay has read the event store, from its Axon tracking token. command-api stores
 * tokens with Axon's Jackson serializer ({@code axon.serializer.general: jackson}), so
 * {@code tokenentry.token} is JSON: a {@code GapAwareTrackingToken} is
 * {@code {"index":41,"gaps":[39]}} — every global index up to {@code index} is relayed except the
 * gaps (indexes a slower transaction had not committed yet when the relay passed them).
 */
record RelayToken(long index, Set<Long> gaps) {

    /** Before the relay has stored a token it has relayed nothing. */
    public static final RelayToken NOTHING_RELAYED = new RelayToken(-1, Set.of());

    private static final String AXON = "org.axonframework.eventhandling.";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public RelayToken {
        gaps = Set.copyOf(new TreeSet<>(gaps));
    }

    /** Parses a stored token of the given Axon token type; an unknown type is refused, not guessed. */
    public static RelayToken parse(String tokenType, byte[] token) {
        if (token == null || tokenType == null) {
            return NOTHING_RELAYED;
        }
        return parse(tokenType, JSON.readTree(new String(token, StandardCharsets.UTF_8)));
    }

    private static RelayToken parse(String tokenType, JsonNode token) {
        if (token == null || token.isNull()) {
            return NOTHING_RELAYED;
        }
        switch (tokenType) {
            case AXON + "GapAwareTrackingToken" -> {
                Set<Long> gaps = new TreeSet<>();
                token.path("gaps").forEach(gap -> gaps.add(gap.asLong()));
                return new RelayToken(token.required("index").asLong(), gaps);
            }
            case AXON + "GlobalSequenceTrackingToken" -> {
                return new RelayToken(token.required("globalIndex").asLong(), Set.of());
            }
            case AXON + "ReplayToken" -> {
                // A reset relay replays from the start: where it is now is the current token.
                JsonNode current = token.path("currentToken");
                return current.isMissingNode() || current.isNull()
                        ? NOTHING_RELAYED
                        : parse(current.path("@class").asString(), current);
            }
            default -> throw new IllegalArgumentException("unsupported tracking token type " + tokenType);
        }
    }
}
