package io.flexboard.commandapi.auth.sso;

import java.util.List;

/**
 * A person as an identity provider vouched for them, after the protocol's checks (OIDC: the ID token's
 * signature, issuer, audience, expiry and nonce; SAML: the assertion's signature, audience, validity and
 * InResponseTo). The same for both protocols, so the sign-in that follows is one.
 *
 * @param providerId the configured provider's id
 * @param subject    the provider's stable id of the person (OIDC {@code sub}, SAML NameID)
 * @param email      the email the provider gives; a Flexboard user is found or made by it
 * @param name       the display name; the email when the provider gives none
 * @param groups     the groups the provider lists, as it spells them
 */
public record ExternalIdentity(String providerId, String subject, String email, String name, List<String> groups) {

    public ExternalIdentity {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    @Override
    public String toString() {
        return "ExternalIdentity[provider=" + providerId + ", subject=" + subject + ", groups=" + groups + "]";
    }
}
