package io.flexboard.commandapi.branding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CustomCssTest {

    @Test
    void ordinary_rules_with_comments_strings_and_an_inline_image_pass() {
        String css = """
                /* brand tweaks { not a brace } */
                .fb-title { font-weight: 700; letter-spacing: .02em; }
                .fb-widget::before { content: "}{ quoted"; }
                .fb-header { background: url("data:image/png;base64,iVBORw0KGgo=") no-repeat; }
                @media (max-width: 600px) { .fb-grid { gap: 4px; } }
                """;

        assertThat(CustomCss.problem(css)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            @import url(data:image/png;base64,x);                  | must not use @import (it loads CSS from elsewhere)
            @IMPORT 'https://evil.example/x.css';                  | must not use @import (it loads CSS from elsewhere)
            @charset "utf-8";                                      | must not use @charset
            @namespace svg url(http://www.w3.org/2000/svg);        | must not use @namespace
            a { background: url(https://evil.example/t.png) }      | may use url() only with data:image/png or data:image/svg+xml
            a { background: URL( 'http://evil.example/t.png') }    | may use url() only with data:image/png or data:image/svg+xml
            a { background: url(data:text/html,hi) }               | may use url() only with data:image/png or data:image/svg+xml
            a { width: expression(alert(1)) }                      | must not use expression() (it runs script in old browsers)
            a { background: url(javascript:alert(1)) }             | must not hold javascript: URLs
            a { behavior: url(x.htc) }                             | must not use behavior (it runs script in old browsers)
            a { -moz-binding: url(x.xml#y) }                       | must not use -moz-binding (it runs script in old browsers)
            a { background: image-set('https://evil.example' 1x) }  | must not use image-set() (it loads images from elsewhere; use url(data:image/png…))
            a::after { content: '</style><script>x</script>' }     | must not hold '<' (it could close the viewer's <style> element)
            a { color: red; } }                                    | has a '}' without its '{'
            a { color: red;                                        | has 1 '{' never closed
            } .fb-viewer { color: red;                             | has a '}' without its '{'
            a { color: red; } /* open                              | has a comment that is never closed
            a { content: "open }                                   | has a string that is never closed
            @\\69mport 'x.css';                                    | must not use CSS escapes outside strings
            a { b\\61ckground: red }                               | must not use CSS escapes outside strings
            """)
    void a_forbidden_form_is_refused_naming_why(String css, String reason) {
        assertThat(CustomCss.problem(css)).contains(reason);
    }

    @Test
    void css_over_16_kib_is_refused_and_css_of_exactly_16_kib_passes() {
        String rule = ".a { color: red; }\n";
        String exactly = rule.repeat(CustomCss.MAX_BYTES / rule.length()) + " ".repeat(CustomCss.MAX_BYTES % rule.length());

        assertThat(exactly).hasSize(CustomCss.MAX_BYTES);
        assertThat(CustomCss.problem(exactly)).isEmpty();
        assertThat(CustomCss.problem(exactly + " ")).contains("must be at most 16384 bytes (16 KiB)");
    }

    @Test
    void multi_byte_text_counts_in_utf8_bytes() {
        String thai = ".a::after { content: \"" + "ก".repeat(5500) + "\" }";

        assertThat(thai.length()).isLessThan(CustomCss.MAX_BYTES);
        assertThat(CustomCss.problem(thai)).contains("must be at most 16384 bytes (16 KiB)");
    }
}
