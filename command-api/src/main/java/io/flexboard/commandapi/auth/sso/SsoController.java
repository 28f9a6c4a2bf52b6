package io.flexboard.commandapi.auth.sso;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.flexboard.commandapi.auth.SignIn;
import io.flexboard.foundation.correlation.CorrelationIdFilter;
import io.flexboard.foundation.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Single sign-on's routes, open without a bearer token: the providers the sign-in screen shows, the start of
 * a sign-in (a redirect to the provider) and the provider's way back. A finished sign-in redirects the browser
 * to the builder's {@code /#/signed-in?access_token=…} — in the URL fragment, which browsers never send to a
 * server, so the tokens reach no access log, proxy or Referer.
 */
@RestController
class SsoController {

    /** The cookie that binds a sign-in to the browser that started it (login CSRF defence). */
    static final String BROWSER_COOKIE = "flexboard_sso";
    /** Longer query values are no state or code of ours: refused before any lookup. */
    private static final int MAX_PARAMETER = 2048;
    private static final String PROVIDER_PATTERN = "^[a-z0-9][a-z0-9-]{0,39}$";

    private final SsoSettings settings;
    private final SsoLogins logins;
    private final OidcProtocol oidc;
    private final SamlProtocol saml;
    private final SsoSignIn signIn;

    SsoController(SsoSettings settings, SsoLogins logins, OidcProtocol oidc, SamlProtocol saml, SsoSignIn signIn) {
        this.settings = settings;
        this.logins = logins;
        this.oidc = oidc;
        this.saml = saml;
        this.signIn = signIn;
    }

    /** One configured provider, as the sign-in screen renders its button. */
    record ProviderAnswer(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = PROVIDER_PATTERN) String id,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The button's text") String name,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"oidc", "saml"}) String type,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Where the button leads: "
                                  + "GET /api/auth/sso/{provider}/login") String loginUrl) {
    }

    @Operation(summary = "The configured SSO providers (empty when none): one sign-in button each")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = ProviderAnswer.class))))
    @GetMapping("/api/auth/providers")
    List<ProviderAnswer> providers() {
        return settings.providers().entrySet().stream()
                .map(entry -> new ProviderAnswer(entry.getKey(), entry.getValue().name(),
                        entry.getValue().type().name().toLowerCase(java.util.Locale.ROOT), "/api/auth/sso/" + entry.getKey() + "/login"))
                .toList();
    }

    @Operation(summary = "Start a sign-in at an SSO provider: 302 to the provider (OIDC: state, nonce, PKCE S256; "
            + "SAML: an AuthnRequest by the HTTP-Redirect binding)")
    @SecurityRequirements
    @ApiResponse(responseCode = "302", description = "To the provider's sign-in page")
    @ApiResponse(responseCode = "303", description = "Any refusal, when a browser asks (Accept: text/html): to "
            + "{public-url}/#/signed-in?error={problem type}&error_description={detail}, which the builder shows")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "502", description = "The provider cannot be reached (problem sso-provider-unavailable)")
    @GetMapping("/api/auth/sso/{provider}/login")
    Mono<ResponseEntity<Void>> login(@Parameter(schema = @Schema(pattern = PROVIDER_PATTERN)) @PathVariable String provider,
                                     ServerWebExchange exchange) {
        return refusalsToBuilder(Mono.defer(() -> {
            SsoSettings.Provider configured = settings.provider(provider).orElseThrow(() -> ProblemException.notFound(
                    "No SSO provider has this id; GET /api/auth/providers lists them"));
            String state = SsoLogins.randomToken();
            if (configured.type() == SsoSettings.Type.SAML) {
                String acsUrl = publicUrl(exchange) + "/api/auth/sso/" + provider + "/acs";
                return Mono.fromCallable(() -> {
                    SamlProtocol.Start start = saml.start(provider, state, acsUrl);
                    logins.start(state, start.pending(), settings.loginTimeout());
                    return toProvider(start.redirectUrl(), null);
                }).subscribeOn(Schedulers.boundedElastic());
            }
            String browser = SsoLogins.randomToken();
            String redirectUri = publicUrl(exchange) + "/api/auth/sso/" + provider + "/callback";
            return oidc.start(provider, state, SsoLogins.hash(browser), redirectUri)
                    .flatMap(start -> Mono.fromCallable(() -> {
                        logins.start(state, start.pending(), settings.loginTimeout());
                        return toProvider(start.authorizationUri(), browserCookie(provider, browser, settings.loginTimeout(), exchange));
                    }).subscribeOn(Schedulers.boundedElastic()));
        }), exchange);
    }

    @Operation(summary = "The OIDC provider's redirect back: checks it, signs the person in, 302 to the builder with the "
            + "tokens in the URL fragment (#/signed-in?access_token=…&token_type=Bearer&expires_in=…&refresh_token=…)")
    @SecurityRequirements
    @ApiResponse(responseCode = "302", description = "To {public-url}/#/signed-in?… with the control plane's tokens")
    @ApiResponse(responseCode = "303", description = "Any refusal, when a browser asks (Accept: text/html): to "
            + "{public-url}/#/signed-in?error={problem type}&error_description={detail}, which the builder shows")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @GetMapping("/api/auth/sso/{provider}/callback")
    Mono<ResponseEntity<Void>> callback(@Parameter(schema = @Schema(pattern = PROVIDER_PATTERN)) @PathVariable String provider,
                                        @RequestParam(required = false) String code,
                                        @RequestParam(required = false) String state,
                                        @RequestParam(required = false) String error,
                                        @RequestParam(name = "error_description", required = false) String errorDescription,
                                        ServerWebExchange exchange) {
        return refusalsToBuilder(Mono.defer(() -> {
            provider(provider, SsoSettings.Type.OIDC);
            String checkedState = parameter(state, "state", MAX_PARAMETER);
            if (error != null) {
                return pending(provider, checkedState, exchange).then(Mono.error(ProblemException.unauthorized(
                        "The identity provider did not sign you in (" + shortened(error) + (errorDescription == null ? ""
                                : ": " + shortened(errorDescription)) + ")")));
            }
            String checkedCode = parameter(code, "code", MAX_PARAMETER);
            String correlationId = CorrelationIdFilter.of(exchange);
            return pending(provider, checkedState, exchange)
                    .flatMap(pending -> oidc.finish(provider, pending, checkedState, checkedCode))
                    .flatMap(identity -> Mono.fromCallable(() -> signIn.signIn(identity, correlationId))
                            .subscribeOn(Schedulers.boundedElastic()))
                    .map(tokens -> toBuilder(tokens, provider, HttpStatus.FOUND, exchange));
        }), exchange);
    }

    @Operation(summary = "The SAML IdP's Response (HTTP-POST binding, form fields SAMLResponse and RelayState): checks it, "
            + "signs the person in, 303 to the builder with the tokens in the URL fragment, as the OIDC callback",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE, schemaProperties = {
                            @SchemaProperty(name = "SAMLResponse", schema = @Schema(type = "string",
                                    description = "The IdP's signed Response, base64")),
                            @SchemaProperty(name = "RelayState", schema = @Schema(type = "string",
                                    description = "The state the sign-in started with"))})))
    @SecurityRequirements
    @ApiResponse(responseCode = "303", description = "To {public-url}/#/signed-in?… with the control plane's tokens; "
            + "a refusal, when a browser asks (Accept: text/html), to {public-url}/#/signed-in?error=…&error_description=…")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @PostMapping(path = "/api/auth/sso/{provider}/acs", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<Void>> acs(@Parameter(schema = @Schema(pattern = PROVIDER_PATTERN)) @PathVariable String provider,
                                   ServerWebExchange exchange) {
        return refusalsToBuilder(Mono.defer(() -> {
            provider(provider, SsoSettings.Type.SAML);
            String correlationId = CorrelationIdFilter.of(exchange);
            return exchange.getFormData().flatMap(form -> {
                String relayState = parameter(form.getFirst("RelayState"), "RelayState", MAX_PARAMETER);
                String response = parameter(form.getFirst("SAMLResponse"), "SAMLResponse", Integer.MAX_VALUE);
                return pending(provider, relayState, exchange)
                        .flatMap(pending -> Mono.fromCallable(() -> signIn.signIn(saml.finish(provider, pending, response), correlationId))
                                .subscribeOn(Schedulers.boundedElastic()))
                        .map(tokens -> toBuilder(tokens, provider, HttpStatus.SEE_OTHER, exchange));
            });
        }), exchange);
    }

    /**
     * A refused sign-in in a browser goes back to the builder, which shows the reason on its sign-in screen: the
     * person arrived here by a button or the provider's redirect and would otherwise face a bare problem+json page. Anything
     * that does not ask for HTML (a script, a test) keeps the problem+json answer.
     */
    private Mono<ResponseEntity<Void>> refusalsToBuilder(Mono<ResponseEntity<Void>> signIn, ServerWebExchange exchange) {
        boolean browser = exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
        if (!browser) {
            return signIn;
        }
        return signIn.onErrorResume(ProblemException.class, refused -> {
            String query = "error=" + URLEncoder.encode(refused.type().uri(), StandardCharsets.UTF_8)
                    + "&error_description=" + URLEncoder.encode(refused.getMessage(), StandardCharsets.UTF_8);
            return Mono.just(ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create(publicUrl(exchange) + "/#/signed-in?" + query))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build());
        });
    }

    /** The sign-in the state started in this browser, used up; 401 when there is none. */
    private Mono<SsoLogins.PendingLogin> pending(String provider, String state, ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(BROWSER_COOKIE);
        return Mono.fromCallable(() -> logins.finish(state)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> Mono.justOrEmpty(found.filter(login -> login.providerId().equals(provider))))
                .switchIfEmpty(Mono.error(() -> ProblemException.unauthorized(
                        "This sign-in is unknown, expired or already finished: start again")))
                .filter(login -> login.browserHash() == null
                        || (cookie != null && SsoLogins.hash(cookie.getValue()).equals(login.browserHash())))
                .switchIfEmpty(Mono.error(() -> ProblemException.unauthorized(
                        "This sign-in was started in another browser: start again in this one")));
    }

    private SsoSettings.Provider provider(String id, SsoSettings.Type type) {
        return settings.provider(id).filter(provider -> provider.type() == type)
                .orElseThrow(() -> ProblemException.notFound("No " + type.name() + " SSO provider has this id; GET /api/auth/providers lists them"));
    }

    private static String parameter(String value, String name, int maxLength) {
        if (value == null || value.isEmpty()) {
            throw ProblemException.malformed(name, name + " is required: the identity provider sends it back");
        }
        if (value.length() > maxLength) {
            throw ProblemException.malformed(name, name + " must be at most " + maxLength + " characters");
        }
        return value;
    }

    private static ResponseEntity<Void> toProvider(String url, ResponseCookie browserCookie) {
        ResponseEntity.BodyBuilder redirect = ResponseEntity.status(HttpStatus.FOUND).location(URI.create(url))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (browserCookie != null) {
            redirect.header(HttpHeaders.SET_COOKIE, browserCookie.toString());
        }
        return redirect.build();
    }

    private ResponseEntity<Void> toBuilder(SignIn.Tokens tokens, String provider, HttpStatus status, ServerWebExchange exchange) {
        Map<String, String> fragment = new LinkedHashMap<>();
        fragment.put("access_token", tokens.accessToken());
        fragment.put("token_type", "Bearer");
        fragment.put("expires_in", Long.toString(tokens.expiresIn()));
        fragment.put("refresh_token", tokens.refreshToken());
        fragment.put("refresh_expires_in", Long.toString(tokens.refreshExpiresIn()));
        String query = fragment.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return ResponseEntity.status(status)
                .location(URI.create(publicUrl(exchange) + "/#/signed-in?" + query))
                .header(HttpHeaders.SET_COOKIE, browserCookie(provider, "", Duration.ZERO, exchange).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    /** Lax: sent on the provider's top-level redirect back, not on a cross-site request an attacker's page makes. */
    private ResponseCookie browserCookie(String provider, String value, Duration maxAge, ServerWebExchange exchange) {
        return ResponseCookie.from(BROWSER_COOKIE, value).httpOnly(true).sameSite("Lax")
                .secure(publicUrl(exchange).startsWith("https:"))
                .path("/api/auth/sso/" + provider + "/").maxAge(maxAge).build();
    }

    /** Where browsers reach Flexboard: the configured public URL, else this request's own origin. */
    private String publicUrl(ServerWebExchange exchange) {
        if (!settings.publicUrl().isEmpty()) {
            return settings.publicUrl();
        }
        URI uri = exchange.getRequest().getURI();
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String shortened(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 200 ? printable.substring(0, 200) + "…" : printable;
    }
}
