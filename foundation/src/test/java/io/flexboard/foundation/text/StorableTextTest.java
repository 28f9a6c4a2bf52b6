package io.flexboard.foundation.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which strings are text the read models can compare and store. */
class StorableTextTest {

    @Test
    void ordinaryTextAndPairedSurrogatesAreText() {
        assertThat(StorableText.problem("Zürich dashboards \uD83D\uDCCA")).isEmpty();
    }

    @Test
    void aNulCharacterIsNoText() {
        assertThat(StorableText.problem("a\u0000b")).contains("must not contain the NUL character");
    }

    @Test
    void aLoneHighSurrogateIsNoText() {
        assertThat(StorableText.problem("a\uD83D")).contains("must not contain an unpaired surrogate");
    }

    @Test
    void aLoneLowSurrogateIsNoText() {
        assertThat(StorableText.problem("\uDCCAa")).contains("must not contain an unpaired surrogate");
    }

    @Test
    void twoHighSurrogatesInARowAreNoText() {
        assertThat(StorableText.problem("\uD83D\uD83D\uDCCA")).contains("must not contain an unpaired surrogate");
    }

    @Test
    void aNulAndALoneSurrogateAreReplacedWhenRepaired() {
        assertThat(StorableText.repaired("disk\u0000full \uD800!", 100)).isEqualTo("disk\uFFFDfull \uFFFD!");
    }

    @Test
    void repairedTextCutAtTheLimitKeepsNoHalfOfASurrogatePair() {
        assertThat(StorableText.repaired("ab\uD83D\uDCCA", 3)).isEqualTo("ab");
    }

    @Test
    void repairedTextIsCutToTheLimit() {
        assertThat(StorableText.repaired("x".repeat(5000), 2000)).hasSize(2000);
    }
}
