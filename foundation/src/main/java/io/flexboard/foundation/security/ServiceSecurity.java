package io.flexboard.foundation.security;

import io.flexboard.foundation.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * The one way every service builds its Spring Security chain: stateless bearer authentication with the
 * service's {@link ReactiveAuthenticationManager}, every route authenticated except health, metrics and
 * the OpenAPI document, every refusal a problem+json answered by the foundation's exception handler.
 *
 * <p>A service may open more paths for {@code GET} ({@code flexboard.security.open-get-paths}, e.g. query-api's
 * static lag page, whose script then calls the API with the token).
 *
 * <p>Authorization matches with {@code PathPattern}s on the request's path within the application, the
 * same matching the handler mappings use: a segment is compared decoded and without its {@code ;}
 * parameters, so {@code /%61pi/tenants} and {@code /api;x/tenants} are the {@code /api/tenants} a handler
 * would see, and need the same credentials. Everything not explicitly open needs authentication, so a
 * spelling the open patterns do not match is refused, never let through.
 */
public final class ServiceSecurity {

    /** WebFilter order for filters that need the authenticated caller: after Spring Security's chain (-100). */
    public static final int AFTER_AUTHENTICATION = -90;
    /** Paths open to everyone: probes and scrapes, on the internal network. */
    static final String[] OPEN_PATHS = {"/health", "/health/**", "/metrics"};
    /** The OpenAPI document, open for reading. */
    static final String[] OPEN_DOCS = {"/v3/api-docs", "/v3/api-docs/**"};

    private ServiceSecurity() {
    }

    /**
     * The chain: {@code missingCredentials} is the detail of the 401 for a request without a bearer token;
     * the manager's {@code AuthenticationException} message is the detail when its token is refused;
     * {@code openGetPaths} are the service's own path patterns open for {@code GET}, {@code openPostPaths} for
     * {@code POST} (command-api's sign-in, which has no token yet).
     */
    public static SecurityWebFilterChain chain(ServerHttpSecurity http, ReactiveAuthenticationManager manager,
                                               String missingCredentials, List<String> openGetPaths,
                                               List<String> openPostPaths) {
        List<String> openGets = new ArrayList<>(List.of(OPEN_DOCS));
        openGets.addAll(openGetPaths);
        List<ServerWebExchangeMatcher> openMatchers = new ArrayList<>(List.of(
                ServerWebExchangeMatchers.pathMatchers(OPEN_PATHS),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, openGets.toArray(String[]::new))));
        List<String> openPosts = openPostPaths.stream().filter(path -> !path.isBlank()).toList();
        if (!openPosts.isEmpty()) {
            openMatchers.add(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, openPosts.toArray(String[]::new)));
        }
        ServerWebExchangeMatcher open = new OrServerWebExchangeMatcher(openMatchers);
        AuthenticationWebFilter authentication = new AuthenticationWebFilter(manager);
        authentication.setServerAuthenticationConverter(new BearerTokenConverter());
        // Open paths never look credentials up: a flood of wrong keys on /health costs no database read.
        authentication.setRequiresAuthenticationMatcher(new NegatedServerWebExchangeMatcher(open));
        authentication.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        authentication.setAuthenticationSuccessHandler((filterExchange, authenticated) -> {
            Authenticated.remember(filterExchange.getExchange(), authenticated);
            return filterExchange.getChain().filter(filterExchange.getExchange());
        });
        // Errors, not responses: the foundation's ProblemExceptionHandler writes the one problem shape.
        authentication.setAuthenticationFailureHandler((filterExchange, failure) ->
                Mono.error(ProblemException.unauthorized(failure.getMessage())));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // bearer tokens, no cookies: nothing to forge
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> exchanges
                        .matchers(open).permitAll()
                        .anyExchange().authenticated())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, denied) ->
                                Mono.error(ProblemException.unauthorized(missingCredentials)))
                        .accessDeniedHandler((exchange, denied) ->
                                Mono.error(ProblemException.forbidden("This credential may not do this"))))
                .build();
    }
}
