package io.flexboard.commandapi.auth;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

import io.flexboard.commandapi.input.StorableInput;
import io.flexboard.foundation.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Sign-in with email and password, and token refresh: the two routes open without a bearer token. */
@RestController
class AuthController {

    /** Longer input is no email or password of ours: refused before any work. */
    private static final int MAX_INPUT = 1024;

    private final SignIn signIn;

    AuthController(SignIn signIn) {
        this.signIn = signIn;
    }

    record LoginRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "email") String email,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password") String password) {
    }

    record RefreshRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String refreshToken) {
    }

    /** The answer of sign-in and refresh. */
    record TokenAnswer(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Signed JWT (RS256)") String accessToken,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "Bearer") String tokenType,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Seconds") long expiresIn,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Single use") String refreshToken,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Seconds") long refreshExpiresIn) {
    }

    @Operation(summary = "Sign in with email and password")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TokenAnswer.class)))
    @ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins for this email or client; see Retry-After")
    @PostMapping("/api/auth/login")
    Mono<Map<String, Object>> login(@RequestBody LoginRequest request, ServerWebExchange exchange) {
        String email = required(request.email(), "email");
        String password = required(request.password(), "password");
        String client = client(exchange);
        return Mono.fromCallable(() -> answer(signIn.login(email, password, client)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(summary = "Exchange a refresh token for new tokens (the old one is used up)")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TokenAnswer.class)))
    @ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @PostMapping("/api/auth/refresh")
    Mono<Map<String, Object>> refresh(@RequestBody RefreshRequest request) {
        String token = required(request.refreshToken(), "refresh_token");
        return Mono.fromCallable(() -> answer(signIn.refresh(token))).subscribeOn(Schedulers.boundedElastic());
    }

    private static String required(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw ProblemException.malformed(field, field + " is required");
        }
        if (value.length() > MAX_INPUT) {
            throw ProblemException.malformed(field, field + " must be at most " + MAX_INPUT + " characters");
        }
        // An email is looked up in PostgreSQL, which refuses NUL and lone surrogates: the foundation's one rule.
        if (!StorableInput.violations(Map.of(field, value)).isEmpty()) {
            throw ProblemException.malformed(field, field + " holds characters no email or password has (NUL, an unpaired surrogate)");
        }
        return value;
    }

    /** The client's address as this service sees it (the router's own when behind one that hides it). */
    private static String client(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private static Map<String, Object> answer(SignIn.Tokens tokens) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", tokens.expiresIn());
        body.put("refresh_token", tokens.refreshToken());
        body.put("refresh_expires_in", tokens.refreshExpiresIn());
        return body;
    }
}
