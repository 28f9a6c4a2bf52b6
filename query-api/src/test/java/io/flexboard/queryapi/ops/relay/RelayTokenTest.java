package io.flexboard.queryapi.ops.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The relay's token as command-api's Axon (Jackson token serializer) stores it in tokenentry. */
class RelayTokenTest {

    private static final String AXON = "org.axonframework.eventhandling.";

    @Test
    void given_a_gap_aware_token_when_parsed_then_its_index_and_gaps_are_read() {
        RelayToken token = RelayToken.parse(AXON + "GapAwareTrackingToken", json("{\"index\":41,\"gaps\":[37,39]}"));

        assertThat(token).isEqualTo(new RelayToken(41, Set.of(37L, 39L)));
    }

    @Test
    void given_a_replay_token_when_parsed_then_where_the_replay_is_now_counts() {
        RelayToken token = RelayToken.parse(AXON + "ReplayToken", json("""
                {"tokenAtReset":{"@class":"org.axonframework.eventhandling.GapAwareTrackingToken","index":90,"gaps":[]},
                 "currentToken":{"@class":"org.axonframework.eventhandling.GapAwareTrackingToken","index":12,"gaps":[]},
                 "context":null}"""));

        assertThat(token.index()).isEqualTo(12);
    }

    @Test
    void given_no_token_yet_when_parsed_then_nothing_is_relayed() {
        assertThat(RelayToken.parse(null, null)).isEqualTo(RelayToken.NOTHING_RELAYED);
        assertThat(RelayToken.NOTHING_RELAYED.index()).isEqualTo(-1);
    }

    @Test
    void given_a_token_type_the_monitor_does_not_know_when_parsed_then_it_is_refused_not_guessed() {
        assertThatThrownBy(() -> RelayToken.parse("com.example.ShardToken", json("{\"index\":3}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("com.example.ShardToken");
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
