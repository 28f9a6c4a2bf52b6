package io.flexboard.commandapi.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import io.flexboard.commandapi.api.ClearTenantBrandingCommand;
import io.flexboard.commandapi.api.InvalidCommandException;
import io.flexboard.commandapi.api.RestoreVersionCommand;
import io.flexboard.commandapi.api.SaveDraftCommand;
import io.flexboard.commandapi.api.SetTenantBrandingCommand;
import io.flexboard.commandapi.api.Unchanged;
import io.flexboard.commandapi.branding.Logos;
import io.flexboard.commandapi.input.StorableInput;
import io.flexboard.schemas.Branding;
import io.flexboard.schemas.BrandingColors;
import io.flexboard.schemas.BrandingLogo;
import io.flexboard.schemas.PublishedConfiguration;
import io.flexboard.schemas.event.DraftSavedEvent;
import io.flexboard.schemas.event.TenantBrandingClearedEvent;
import io.flexboard.schemas.event.TenantBrandingSetEvent;
import io.flexboard.schemas.event.TenantCreatedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tenant aggregate's branding rules: given events / when a branding command / then events or refusal. */
class BrandingAggregateTest {

    private static final String TENANT = "7d0c1f56-2a7b-4c1e-9a4f-3f1d8c2b0a01";
    private static final Map<String, Object> ALICE = Map.of("actor", "alice");
    private static final SetTenantBrandingCommand.Colors COLORS =
            new SetTenantBrandingCommand.Colors("#1A365D", "#2d3748", "#38b2ac", "#f7fafc", "#1a202c");
    private static final BrandingColors STORED_COLORS = new BrandingColors("#1a365d", "#2d3748", "#38b2ac", "#f7fafc", "#1a202c");

    private AggregateTestFixture<TenantAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TenantAggregate.class);
        fixture.registerCommandHandlerInterceptor(new StorableInput());
        fixture.registerInjectableResource((TenantSlugs) (slug, tenantId) -> true);
        fixture.registerInjectableResource(new InMemoryDashboardOwners());
    }

    @Test
    void a_branding_with_a_png_logo_is_set_as_sent_with_its_colours_in_lower_case() {
        String png = Logos.base64(Logos.png(8, 8));
        Branding expected = new Branding(new BrandingLogo("image/png", png), STORED_COLORS, "Inter", ".fb-title { font-weight: 700 }");

        fixture.given(tenantCreated())
                .when(set(new SetTenantBrandingCommand.Logo("image/png", png), "Inter", ".fb-title { font-weight: 700 }"))
                .expectEvents(new TenantBrandingSetEvent(TENANT, expected))
                .expectResultMessagePayload(expected);
    }

    @Test
    void an_svg_logo_is_stored_sanitised_never_as_uploaded() {
        String hostile = """
                <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script>\
                <rect width="10" height="10" fill="#1a365d"/></svg>""";

        fixture.given(tenantCreated())
                .when(set(new SetTenantBrandingCommand.Logo("image/svg+xml", Logos.base64(hostile)), "Roboto", null))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate((Object event) -> {
                                    String stored = Logos.decoded(((TenantBrandingSetEvent) event).getBranding().getLogo().getDataBase64());
                                    return stored.contains("<rect") && !stored.contains("alert") && !stored.contains("script");
                                }),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void setting_the_branding_the_tenant_already_has_changes_nothing() {
        Branding current = new Branding(null, STORED_COLORS, "Lato", null);

        fixture.given(tenantCreated(), new TenantBrandingSetEvent(TENANT, current))
                .when(set(null, "Lato", "  "))
                .expectNoEvents()
                .expectResultMessagePayload(new Unchanged(current, 1));
    }

    @Test
    void bad_colours_an_unknown_font_and_missing_colours_are_refused_naming_each_field() {
        fixture.given(tenantCreated())
                .when(new SetTenantBrandingCommand(TENANT, null, null,
                        new SetTenantBrandingCommand.Colors("red", "#12345", "#1234567", "#gggggg", null), "Comic Sans", null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(allOf(containsString("field=colors.primary"), containsString("field=colors.secondary"),
                        containsString("field=colors.accent"), containsString("field=colors.background"),
                        containsString("field=colors.text"), containsString("field=font")))
                .expectNoEvents();
        fixture.given(tenantCreated())
                .when(new SetTenantBrandingCommand(TENANT, null, null, null, "Inter", null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(containsString("field=colors, message=is required"));
    }

    @Test
    void a_logo_of_another_media_type_is_refused_naming_the_field() {
        fixture.given(tenantCreated())
                .when(set(new SetTenantBrandingCommand.Logo("image/gif", Logos.base64("GIF89a")), "Inter", null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(containsString("field=logo.media_type, message=must be image/png or image/svg+xml"));
    }

    @Test
    void a_png_logo_whose_bytes_are_not_a_png_is_refused() {
        fixture.given(tenantCreated())
                .when(set(new SetTenantBrandingCommand.Logo("image/png", Logos.base64(Logos.ACME_SVG)), "Inter", null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(containsString(
                        "field=logo.data_base64, message=is not a PNG image (its first bytes are not PNG's signature)"))
                .expectNoEvents();
    }

    @Test
    void a_logo_over_64_kib_decoded_is_refused_and_one_of_exactly_64_kib_is_taken() {
        byte[] exactly = new byte[BrandingRules.MAX_LOGO_BYTES];
        byte[] signature = Logos.png(1, 1);
        System.arraycopy(signature, 0, exactly, 0, 8);
        byte[] over = java.util.Arrays.copyOf(exactly, BrandingRules.MAX_LOGO_BYTES + 1);

        fixture.given(tenantCreated())
                .when(set(new SetTenantBrandingCommand.Logo("image/png", Logos.base64(over)), "Inter", null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(containsString("field=logo.data_base64, message=must be at most 65536 bytes (64 KiB) decoded"));
        fixture.given(tenantCreated())
                .when(set(new SetTenantBrandingCommand.Logo("image/png", Logos.base64(exactly)), "Inter", null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_logo_that_is_not_base64_is_refused_without_echoing_it() {
        fixture.given(tenantCreated())
                .when(set(new SetTenantBrandingCommand.Logo("image/png", "not base64 at all: secret-token-123"), "Inter", null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(allOf(containsString("field=logo.data_base64, message=must be base64"),
                        not(containsString("secret-token-123"))));
    }

    @Test
    void an_svg_with_an_entity_bomb_is_refused_naming_the_field() {
        String bomb = "<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&b;</text></svg>";

        fixture.given(tenantCreated())
                .when(set(new SetTenantBrandingCommand.Logo("image/svg+xml", Logos.base64(bomb)), "Inter", null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(containsString("field=logo.data_base64, message=SVG must not hold a DOCTYPE"));
    }

    @Test
    void custom_css_with_an_import_is_refused_naming_the_field_and_why() {
        fixture.given(tenantCreated())
                .when(set(null, "Inter", "@import url('https://evil.example/x.css');"))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(containsString("field=custom_css, message=must not use @import"))
                .expectNoEvents();
    }

    @Test
    void a_draft_holds_the_tenants_branding() {
        Branding branding = new Branding(null, STORED_COLORS, "Inter", null);

        fixture.given(tenantCreated(), new TenantBrandingSetEvent(TENANT, branding))
                .when(new SaveDraftCommand(TENANT, null, "v1", null), ALICE)
                .expectEvents(new DraftSavedEvent(TENANT, "v1", 1, null, "alice",
                        new PublishedConfiguration(List.of(), List.of(), branding), null, null, null));
    }

    @Test
    void the_branding_is_cleared_and_clearing_none_changes_nothing() {
        fixture.given(tenantCreated(), new TenantBrandingSetEvent(TENANT, new Branding(null, STORED_COLORS, "Inter", null)))
                .when(new ClearTenantBrandingCommand(TENANT, null))
                .expectEvents(new TenantBrandingClearedEvent(TENANT));
        fixture.given(tenantCreated())
                .when(new ClearTenantBrandingCommand(TENANT, null))
                .expectNoEvents()
                .expectResultMessagePayload(new Unchanged(null, 0));
    }

    @Test
    void restoring_a_version_from_before_the_branding_clears_it_and_restoring_a_branded_one_sets_it_back() {
        Branding branding = new Branding(null, STORED_COLORS, "Inter", null);
        DraftSavedEvent plain = new DraftSavedEvent(TENANT, "v1", 1, null, "alice",
                new PublishedConfiguration(List.of(), List.of(), null), null, null, null);
        DraftSavedEvent branded = new DraftSavedEvent(TENANT, "v2", 2, null, "alice",
                new PublishedConfiguration(List.of(), List.of(), branding), 1, null, null);

        fixture.given(tenantCreated(), plain, new TenantBrandingSetEvent(TENANT, branding), branded)
                .when(new RestoreVersionCommand(TENANT, null, "v1", "v3", null), ALICE)
                .expectEvents(new TenantBrandingClearedEvent(TENANT), new DraftSavedEvent(TENANT, "v3", 3, null, "alice",
                        new PublishedConfiguration(List.of(), List.of(), null), 2, "v1", 1));
        fixture.given(tenantCreated(), plain, new TenantBrandingSetEvent(TENANT, branding), branded,
                        new TenantBrandingClearedEvent(TENANT))
                .when(new RestoreVersionCommand(TENANT, null, "v2", "v3", null), ALICE)
                .expectEvents(new TenantBrandingSetEvent(TENANT, branding), new DraftSavedEvent(TENANT, "v3", 3, null, "alice",
                        new PublishedConfiguration(List.of(), List.of(), branding), 2, "v2", 2));
    }

    @Test
    void a_stale_expected_version_is_refused() {
        fixture.given(tenantCreated(), new TenantBrandingSetEvent(TENANT, new Branding(null, STORED_COLORS, "Inter", null)))
                .when(new SetTenantBrandingCommand(TENANT, 0L, null, COLORS, "Roboto", null))
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
    }

    @Test
    void the_allowed_fonts_are_the_ones_the_viewer_maps() {
        assertThat(BrandingRules.FONTS).containsExactly("system-ui", "Inter", "Roboto", "Open Sans", "Lato", "Source Sans 3",
                "Noto Sans Thai", "IBM Plex Sans");
    }

    private static TenantCreatedEvent tenantCreated() {
        return new TenantCreatedEvent(TENANT, "Acme Corp", "acme", "basic", 5, 20);
    }

    private static SetTenantBrandingCommand set(SetTenantBrandingCommand.Logo logo, String font, String css) {
        return new SetTenantBrandingCommand(TENANT, null, logo, COLORS, font, css);
    }
}
