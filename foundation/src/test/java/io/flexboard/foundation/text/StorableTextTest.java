package io.flexboard.foundation.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which strings are text the read models can compare and store. */
class StorableTextTest {

    @Test
    void ordinary_text_and_paired_surrogates_are_text() {
        assertThat(StorableText.problem("Zürich dashboards \uD83D\uDCCA")).isEmpty();
    }

    @Test
    void a_nul_character_is_no_text() {
        assertThat(StorableText.problem("a\u0000b")).contains("must not contain the NUL character");
    }

    @Test
    void a_lone_high_surrogate_is_no_text() {
        assertThat(StorableText.problem("a\uD83D")).contains("must not contain an unpaired surrogate");
    }

    @Test
    void a_lone_low_surrogate_is_no_text() {
        assertThat(StorableText.problem("\uDCCAa")).contains("must not contain an unpaired surrogate");
    }

    @Test
    void two_high_surrogates_in_a_row_are_no_text() {
        assertThat(StorableText.problem("\uD83D\uD83D\uDCCA")).contains("must not contain an unpaired surrogate");
    }

    @Test
    void a_nul_and_a_lone_surrogate_are_replaced_when_repaired() {
        assertThat(StorableText.repaired("disk\u0000full \uD800!", 100)).isEqualTo("disk\uFFFDfull \uFFFD!");
    }

    @Test
    void repaired_text_cut_at_the_limit_keeps_no_half_of_a_surrogate_pair() {
        assertThat(StorableText.repaired("ab\uD83D\uDCCA", 3)).isEqualTo("ab");
    }

    @Test
    void repaired_text_is_cut_to_the_limit() {
        assertThat(StorableText.repaired("x".repeat(5000), 2000)).hasSize(2000);
    }
}
