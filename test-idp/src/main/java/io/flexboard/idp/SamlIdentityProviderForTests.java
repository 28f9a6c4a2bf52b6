package io.flexboard.idp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.onelogin.saml2.util.Constants;
import com.onelogin.saml2.util.Util;

/**
 * A SAML IdP as far as a test needs one: its signing key and certificate (made by the JDK's keytool when the
 * test starts, no file checked in), the AuthnRequest's ID read from a login redirect, and Responses it signs
 * — or, for the hostile cases, leaves unsigned, lets expire, addresses to another audience or request, or
 * has signed by a {@link #rogue()} key.
 */
public final class SamlIdentityProviderForTests {

    public static final String ENTITY_ID = "https://idp.example/saml";
    public static final String SSO_URL = "https://idp.example/saml/sso";
    private static final Pattern REQUEST_ID = Pattern.compile("\\bID=\"([^\"]+)\"");

    private final PrivateKey key;
    private final X509Certificate certificate;

    private SamlIdentityProviderForTests(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** A new IdP with a fresh 2048-bit RSA key and a self-signed certificate. */
    public static SamlIdentityProviderForTests generate(String name) {
        try {
            Path dir = Files.createTempDirectory("saml-idp");
            Path store = dir.resolve(name + ".p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                    "-validity", "2", "-dname", "CN=" + name, "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(store)) {
                keys.load(in, "changeit".toCharArray());
            }
            return new SamlIdentityProviderForTests((PrivateKey) keys.getKey(name, "changeit".toCharArray()),
                    (X509Certificate) keys.getCertificate(name));
        } catch (IOException | InterruptedException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the test IdP's key could not be made", e);
        }
    }

    /** The certificate as Flexboard's idp-certificate property takes it (base64 DER). */
    public String certificate() {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ID of the AuthnRequest in a login redirect's SAMLRequest parameter (deflated, base64, URL-encoded). */
    public static String requestIdOf(String samlRequest) {
        Matcher id = REQUEST_ID.matcher(Util.base64decodedInflated(samlRequest));
        if (!id.find()) {
            throw new IllegalStateException("no ID in the AuthnRequest");
        }
        return id.group(1);
    }

    /** A Response to build: by default signed, valid for 5 minutes from now, for the given request. */
    public Response response(String inResponseTo, String acsUrl, String audience, String email) {
        return new Response(this, inResponseTo, acsUrl, audience, email);
    }

    /** One Response; each {@code with…} changes one thing about it. */
    public static final class Response {
        private SamlIdentityProviderForTests signedBy;
        private String inResponseTo;
        private final String acsUrl;
        private String audience;
        private final String email;
        private List<String> groups = List.of();
        private Instant issued = Instant.now();
        private Duration validFor = Duration.ofMinutes(5);
        private String assertionId = "_a" + UUID.randomUUID();

        private Response(SamlIdentityProviderForTests signer, String inResponseTo, String acsUrl, String audience, String email) {
            this.signedBy = signer;
            this.inResponseTo = inResponseTo;
            this.acsUrl = acsUrl;
            this.audience = audience;
            this.email = email;
        }

        public Response groups(String... names) {
            groups = List.of(names);
            return this;
        }

        public Response unsigned() {
            signedBy = null;
            return this;
        }

        public Response signedBy(SamlIdentityProviderForTests other) {
            signedBy = other;
            return this;
        }

        public Response issuedAt(Instant instant) {
            issued = instant;
            return this;
        }

        public Response audience(String other) {
            audience = other;
            return this;
        }

        public Response inResponseTo(String other) {
            inResponseTo = other;
            return this;
        }

        public Response assertionId(String id) {
            assertionId = id;
            return this;
        }

        public String assertionId() {
            return assertionId;
        }

        /** The Response, base64-encoded as the HTTP-POST binding's SAMLResponse field carries it. */
        public String encoded() {
            String notOnOrAfter = issued.plus(validFor).toString();
            String assertion = """
                    <saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="%s" Version="2.0" IssueInstant="%s">\
                    <saml:Issuer>%s</saml:Issuer>\
                    <saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">%s</saml:NameID>\
                    <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">\
                    <saml:SubjectConfirmationData NotOnOrAfter="%s" Recipient="%s" InResponseTo="%s"/>\
                    </saml:SubjectConfirmation></saml:Subject>\
                    <saml:Conditions NotBefore="%s" NotOnOrAfter="%s"><saml:AudienceRestriction><saml:Audience>%s</saml:Audience>\
                    </saml:AudienceRestriction></saml:Conditions>\
                    <saml:AuthnStatement AuthnInstant="%s" SessionIndex="_s1"><saml:AuthnContext><saml:AuthnContextClassRef>\
                    urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext>\
                    </saml:AuthnStatement>\
                    <saml:AttributeStatement>\
                    <saml:Attribute Name="email"><saml:AttributeValue>%s</saml:AttributeValue></saml:Attribute>\
                    <saml:Attribute Name="displayName"><saml:AttributeValue>SAML Tester</saml:AttributeValue></saml:Attribute>\
                    <saml:Attribute Name="groups">%s</saml:Attribute>\
                    </saml:AttributeStatement></saml:Assertion>""".formatted(assertionId, issued, ENTITY_ID, email, notOnOrAfter,
                    acsUrl, inResponseTo, issued.minusSeconds(60), notOnOrAfter, audience, issued, email,
                    groups.stream().map(group -> "<saml:AttributeValue>" + group + "</saml:AttributeValue>").collect(Collectors.joining()));
            String response = """
                    <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" \
                    ID="_r%s" Version="2.0" IssueInstant="%s" Destination="%s" InResponseTo="%s">\
                    <saml:Issuer>%s</saml:Issuer>\
                    <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>\
                    %s</samlp:Response>""".formatted(UUID.randomUUID(), issued, acsUrl, inResponseTo, ENTITY_ID,
                    signedBy == null ? assertion : signed(assertion, signedBy));
            return Base64.getEncoder().encodeToString(response.getBytes(StandardCharsets.UTF_8));
        }

        private static String signed(String assertion, SamlIdentityProviderForTests by) {
            try {
                String signed = Util.addSign(Util.loadXML(assertion), by.key, by.certificate, Constants.RSA_SHA256);
                return signed.replaceFirst("^<\\?xml[^>]*\\?>", "");
            } catch (Exception e) {
                throw new IllegalStateException("the assertion could not be signed", e);
            }
        }
    }

    /** Another key pair: what an attacker without the IdP's key would sign with. */
    public static SamlIdentityProviderForTests rogue() {
        return generate("rogue");
    }
}
