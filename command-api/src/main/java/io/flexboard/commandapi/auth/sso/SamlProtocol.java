package io.flexboard.commandapi.auth.sso;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.onelogin.saml2.authn.AuthnRequest;
import com.onelogin.saml2.authn.SamlResponse;
import com.onelogin.saml2.http.HttpRequest;
import com.onelogin.saml2.settings.Saml2Settings;
import com.onelogin.saml2.settings.SettingsBuilder;
import io.flexboard.foundation.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * SAML 2.0 Web Browser SSO, SP-initiated: an AuthnRequest by the HTTP-Redirect binding, the Response by the
 * HTTP-POST binding. OneLogin's java-saml core checks the Response in strict mode: the assertion's XML
 * signature by the configured IdP certificate (required), issuer, audience (our entity id), destination and
 * recipient (our ACS URL), validity window and InResponseTo (the request this sign-in sent). Flexboard adds
 * the one-use rule for assertion IDs ({@link SamlAssertionIds}). Blocking (XML, JDBC): callers run it off the
 * event loop.
 */
@Component
class SamlProtocol {

    private static final Logger log = LoggerFactory.getLogger(SamlProtocol.class);
    /** How long a used assertion ID is remembered when the assertion names no end of validity. */
    private static final Duration REMEMBER_WITHOUT_EXPIRY = Duration.ofHours(1);
    private static final List<String> EMAIL_ATTRIBUTES = List.of("email", "mail",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress");
    private static final List<String> NAME_ATTRIBUTES = List.of("name", "displayName",
            "http://schemas.microsoft.com/identity/claims/displayname");

    private final SsoSettings settings;
    private final SamlAssertionIds assertionIds;

    SamlProtocol(SsoSettings settings, SamlAssertionIds assertionIds) {
        this.settings = settings;
        this.assertionIds = assertionIds;
    }

    /** Where to send the browser to sign in, and what the ACS must find again. */
    record Start(String redirectUrl, SsoLogins.PendingLogin pending) {
    }

    Start start(String providerId, String state, String acsUrl) {
        SsoSettings.Provider provider = settings.provider(providerId).orElseThrow();
        AuthnRequest request = new AuthnRequest(samlSettings(provider, acsUrl));
        try {
            String url = provider.idpSsoUrl() + (provider.idpSsoUrl().contains("?") ? "&" : "?")
                    + "SAMLRequest=" + URLEncoder.encode(request.getEncodedAuthnRequest(), StandardCharsets.UTF_8)
                    + "&RelayState=" + URLEncoder.encode(state, StandardCharsets.UTF_8);
            return new Start(url, new SsoLogins.PendingLogin(providerId, null, null, null, request.getId(), acsUrl));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the AuthnRequest could not be deflated", e);
        }
    }

    /** The person the IdP vouches for in this Response; 401 naming the failed check, 400 when it is no Response. */
    ExternalIdentity finish(String providerId, SsoLogins.PendingLogin pending, String encodedResponse) {
        SsoSettings.Provider provider = settings.provider(providerId).orElseThrow();
        SamlResponse response = parsed(provider, pending.redirectUri(), encodedResponse);
        if (!response.isValid(pending.requestId())) {
            log.info("SAML sign-in at {} refused: {}", providerId, response.getError());
            throw ProblemException.unauthorized("The SAML response from " + provider.name() + " could not be verified ("
                    + response.getError() + "): start again");
        }
        try {
            String assertionId = response.getAssertionId();
            Instant expiresAt = response.getAssertionNotOnOrAfter().stream().map(instant -> Instant.ofEpochMilli(instant.getMillis()))
                    .min(Instant::compareTo).orElse(Instant.now().plus(REMEMBER_WITHOUT_EXPIRY));
            if (!assertionIds.firstUse(assertionId, expiresAt)) {
                throw ProblemException.unauthorized("This SAML assertion was used before: start again");
            }
            Map<String, List<String>> attributes = response.getAttributes();
            String nameId = response.getNameId();
            String email = first(attributes, EMAIL_ATTRIBUTES);
            if (email == null && nameId != null && nameId.contains("@")) {
                email = nameId;
            }
            return new ExternalIdentity(providerId, nameId, email, first(attributes, NAME_ATTRIBUTES),
                    attributes.getOrDefault(provider.groupsClaim(), List.of()));
        } catch (ProblemException refused) {
            throw refused;
        } catch (Exception unreadable) {
            throw ProblemException.unauthorized("The SAML response from " + provider.name() + " could not be read ("
                    + unreadable.getMessage() + "): start again");
        }
    }

    private static SamlResponse parsed(SsoSettings.Provider provider, String acsUrl, String encodedResponse) {
        try {
            return new SamlResponse(samlSettings(provider, acsUrl),
                    new HttpRequest(acsUrl, Map.of("SAMLResponse", List.of(encodedResponse)), null));
        } catch (Exception notAResponse) {
            throw ProblemException.malformed("SAMLResponse", "SAMLResponse is not a base64-encoded SAML Response");
        }
    }

    private static String first(Map<String, List<String>> attributes, List<String> names) {
        return names.stream().map(attributes::get).filter(values -> values != null && !values.isEmpty())
                .map(values -> values.get(0)).findFirst().orElse(null);
    }

    /** Strict: every check on; assertions must be signed (a signed Response alone is not enough to trust its assertion). */
    private static Saml2Settings samlSettings(SsoSettings.Provider provider, String acsUrl) {
        Map<String, Object> values = new HashMap<>();
        values.put(SettingsBuilder.STRICT_PROPERTY_KEY, true);
        values.put(SettingsBuilder.SP_ENTITYID_PROPERTY_KEY, provider.spEntityId());
        values.put(SettingsBuilder.SP_ASSERTION_CONSUMER_SERVICE_URL_PROPERTY_KEY, acsUrl);
        values.put(SettingsBuilder.IDP_ENTITYID_PROPERTY_KEY, provider.idpEntityId());
        values.put(SettingsBuilder.IDP_SINGLE_SIGN_ON_SERVICE_URL_PROPERTY_KEY, provider.idpSsoUrl());
        values.put(SettingsBuilder.IDP_X509CERT_PROPERTY_KEY, provider.idpCertificate());
        values.put(SettingsBuilder.SECURITY_WANT_ASSERTIONS_SIGNED, true);
        values.put(SettingsBuilder.SECURITY_REJECT_UNSOLICITED_RESPONSES_WITH_INRESPONSETO, true);
        return new SettingsBuilder().fromValues(values).build();
    }
}
