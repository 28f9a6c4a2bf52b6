package io.flexboard.commandapi.auth.sso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeReactiveAuthenticationManager;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * OpenID Connect's authorization code flow with PKCE (S256) and a nonce, done by Spring Security's OAuth2
 * client: the token exchange, and the ID token's checks (signature by the provider's JWKS, issuer, audience,
 * expiry, nonce). Flexboard keeps only what must survive the trip to the provider ({@link SsoLogins}).
 */
@Component
class OidcProtocol {

    private static final Logger log = LoggerFactory.getLogger(OidcProtocol.class);

    private final SsoSettings settings;
    private final OidcAuthorizationCodeReactiveAuthenticationManager codeExchange =
            new OidcAuthorizationCodeReactiveAuthenticationManager(new WebClientReactiveAuthorizationCodeTokenResponseClient(),
                    new OidcReactiveOAuth2UserService());
    /** Discovered once per provider, on first use: a provider down at start-up does not stop the service. */
    private final Map<String, ClientRegistration> registrations = new ConcurrentHashMap<>();

    OidcProtocol(SsoSettings settings) {
        this.settings = settings;
    }

    /** Where to send the browser to sign in, and what its callback must find again. */
    record Start(String authorizationUri, SsoLogins.PendingLogin pending) {
    }

    Mono<Start> start(String providerId, String state, String browserHash, String redirectUri) {
        String nonce = SsoLogins.randomToken();
        return registration(providerId).map(registration -> {
            OAuth2AuthorizationRequest.Builder builder = authorizationRequest(registration, state, redirectUri, nonce, null);
            OAuth2AuthorizationRequestCustomizers.withPkce().accept(builder);
            OAuth2AuthorizationRequest request = builder.build();
            return new Start(request.getAuthorizationRequestUri(), new SsoLogins.PendingLogin(providerId, browserHash, nonce,
                    request.getAttribute(PkceParameterNames.CODE_VERIFIER), null, redirectUri));
        });
    }

    /** The person the provider vouches for with this code; 401 naming what failed when any check fails. */
    Mono<ExternalIdentity> finish(String providerId, SsoLogins.PendingLogin pending, String state, String code) {
        return registration(providerId).flatMap(registration -> {
            OAuth2AuthorizationRequest request = authorizationRequest(registration, state, pending.redirectUri(), pending.nonce(),
                    pending.codeVerifier()).build();
            OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code).state(state)
                    .redirectUri(pending.redirectUri()).build();
            return codeExchange.authenticate(new OAuth2AuthorizationCodeAuthenticationToken(registration,
                    new OAuth2AuthorizationExchange(request, response)));
        }).map(authenticated -> identity(providerId, (OidcUser) ((OAuth2LoginAuthenticationToken) authenticated).getPrincipal()))
                .onErrorMap(OAuth2AuthenticationException.class, refused -> {
                    log.info("OIDC sign-in at {} refused: {}", providerId, refused.getError());
                    return ProblemException.unauthorized("The sign-in at " + providerId + " could not be verified ("
                            + refused.getError().getErrorCode() + (refused.getError().getDescription() == null ? ""
                            : ": " + refused.getError().getDescription()) + "): start again");
                });
    }

    /**
     * The authorization request as sent and, at the callback, as rebuilt: the manager compares state and
     * redirect URI, sends the code verifier and compares the ID token's nonce with the nonce's hash.
     */
    private static OAuth2AuthorizationRequest.Builder authorizationRequest(ClientRegistration registration, String state,
                                                                          String redirectUri, String nonce, String codeVerifier) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .clientId(registration.getClientId())
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .redirectUri(redirectUri)
                .scopes(registration.getScopes())
                .state(state)
                .additionalParameters(parameters -> parameters.put(OidcParameterNames.NONCE, sha256(nonce)))
                .attributes(attributes -> {
                    attributes.put(OAuth2ParameterNames.REGISTRATION_ID, registration.getRegistrationId());
                    attributes.put(OidcParameterNames.NONCE, nonce);
                    if (codeVerifier != null) {
                        attributes.put(PkceParameterNames.CODE_VERIFIER, codeVerifier);
                    }
                });
    }

    private ExternalIdentity identity(String providerId, OidcUser user) {
        SsoSettings.Provider provider = settings.provider(providerId).orElseThrow();
        Map<String, Object> claims = user.getClaims();
        String email = user.getEmail();
        if (email == null && user.getPreferredUsername() != null && user.getPreferredUsername().contains("@")) {
            // Microsoft Entra ID sends the sign-in name (an email address) here when the email claim is not released.
            email = user.getPreferredUsername();
        }
        return new ExternalIdentity(providerId, user.getSubject(), email, user.getFullName(), groups(claims.get(provider.groupsClaim())));
    }

    /** A groups claim is a JSON array of names; a single name is accepted as a group of one. */
    static List<String> groups(Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().filter(group -> group != null).map(Object::toString).toList();
        }
        return claim == null ? List.of() : List.of(claim.toString());
    }

    private Mono<ClientRegistration> registration(String providerId) {
        ClientRegistration known = registrations.get(providerId);
        if (known != null) {
            return Mono.just(known);
        }
        SsoSettings.Provider provider = settings.provider(providerId).orElseThrow();
        return Mono.fromCallable(() -> ClientRegistrations.fromIssuerLocation(provider.issuer())
                        .registrationId(providerId)
                        .clientId(provider.clientId())
                        .clientSecret(provider.clientSecret())
                        .clientAuthenticationMethod(provider.clientSecret().isEmpty() ? ClientAuthenticationMethod.NONE
                                : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/api/auth/sso/{registrationId}/callback")
                        .scope(provider.scopes())
                        .build())
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(registration -> registrations.put(providerId, registration))
                .onErrorMap(error -> !(error instanceof ProblemException), error -> {
                    log.warn("OIDC discovery of {} at {} failed", providerId, provider.issuer(), error);
                    return new ProblemException(ProblemType.SSO_PROVIDER_UNAVAILABLE, "The identity provider " + provider.name()
                            + " cannot be reached or did not describe itself at " + provider.issuer() + ": try again later");
                });
    }

    /** The nonce as sent: its SHA-256, base64url, as Spring Security's manager compares it. */
    private static String sha256(String value) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
