package io.flexboard.queryapi.parameter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which strings are text the read models can compare and store. */
class TextCheckTest {

    @Test
    void ordinaryTextAndPairedSurrogatesAreText() {
        assertThat(TextCheck.problem("Zürich dashboards \uD83D\uDCCA")).isEmpty();
    }

    @Test
    void aNulCharacterIsNoText() {
        assertThat(TextCheck.problem("a\u0000b")).contains("must not contain the NUL character");
    }

    @Test
    void aLoneHighSurrogateIsNoText() {
        assertThat(TextCheck.problem("a\uD83D")).contains("must not contain an unpaired surrogate");
    }

    @Test
    void aLoneLowSurrogateIsNoText() {
        assertThat(TextCheck.problem("\uDCCAa")).contains("must not contain an unpaired surrogate");
    }

    @Test
    void twoHighSurrogatesInARowAreNoText() {
        assertThat(TextCheck.problem("\uD83D\uD83D\uDCCA")).contains("must not contain an unpaired surrogate");
    }
}
