package io.flexboard.agentbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An agent's free text kept as the read side can store it. */
class TextTest {

    @Test
    void aNulAndALoneSurrogateInALastErrorAreReplacedNotRefused() {
        assertThat(Text.storable("disk\u0000full \uD800!", 100)).isEqualTo("disk\uFFFDfull \uFFFD!");
    }

    @Test
    void aLastErrorCutAtTheLimitKeepsNoHalfOfASurrogatePair() {
        assertThat(Text.storable("ab\uD83D\uDCCA", 3)).isEqualTo("ab");
    }

    @Test
    void aLongLastErrorIsCutToTheLimit() {
        assertThat(Text.storable("x".repeat(5000), 2000)).hasSize(2000);
    }

    @Test
    void aPairedSurrogateIsText() {
        assertThat(Text.isText("agent \uD83D\uDCCA 1.0")).isTrue();
        assertThat(Text.isText("agent \uD83D 1.0")).isFalse();
    }
}
