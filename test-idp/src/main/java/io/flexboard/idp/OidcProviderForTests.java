package io.flexboard.idp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.filter.DelegatingFilterProxy;

/**
 * A real OpenID Connect provider for the SSO tests: Spring Authorization Server in its own Spring context and
 * servlet context, on an embedded Tomcat at a random port of 127.0.0.1. Its users sign in at its login form
 * with password {@value #PASSWORD}; their ID tokens carry email, name and a {@code groups} claim from
 * {@link #groups}, which a test may change between sign-ins. Two users are deliberately bad: the ID token of
 * {@value #FOREIGN_AUDIENCE_USER} is for another client, that of {@value #FOREIGN_ISSUER_USER} names another issuer.
 * Outside io.flexboard.commandapi on purpose: the service's component scan must not find this servlet configuration.
 */
public final class OidcProviderForTests implements AutoCloseable {

    public static final String CLIENT_ID = "flexboard";
    public static final String CLIENT_SECRET = "flexboard-test-secret";
    public static final String PASSWORD = "provider password";
    public static final String EMAIL_DOMAIN = "@idp.example";
    public static final String FOREIGN_AUDIENCE_USER = "mallory-audience";
    public static final String FOREIGN_ISSUER_USER = "mallory-issuer";
    /** The groups claim of each user, by username; users not listed have no groups. */
    public static final Map<String, List<String>> groups = new ConcurrentHashMap<>();

    private static final List<String> USERS = List.of("ann", "tina", "nora", "dora", "carl", "vic", "eve",
            FOREIGN_AUDIENCE_USER, FOREIGN_ISSUER_USER);

    private final Tomcat tomcat;
    private final AnnotationConfigWebApplicationContext spring;

    private OidcProviderForTests(Tomcat tomcat, AnnotationConfigWebApplicationContext spring) {
        this.tomcat = tomcat;
        this.spring = spring;
    }

    /** Starts the provider; its issuer is {@link #issuer()}. */
    public static OidcProviderForTests start() {
        try {
            Path base = Files.createTempDirectory("oidc-provider");
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(base.toString());
            tomcat.setHostname("127.0.0.1");
            tomcat.setPort(0);
            tomcat.getConnector().setProperty("address", "127.0.0.1");
            Context context = tomcat.addContext("", base.toString());
            AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
            spring.register(AuthorizationServer.class);
            spring.setServletContext(context.getServletContext());
            FilterDef security = new FilterDef();
            security.setFilterName("springSecurityFilterChain");
            security.setFilter(new DelegatingFilterProxy("springSecurityFilterChain", spring));
            context.addFilterDef(security);
            FilterMap everything = new FilterMap();
            everything.setFilterName("springSecurityFilterChain");
            everything.addURLPattern("/*");
            context.addFilterMap(everything);
            // Tomcat runs filters only for a request some servlet matches: everything the filters pass is unknown.
            Tomcat.addServlet(context, "notFound", new HttpServlet() {
                @Override
                protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                }
            });
            context.addServletMappingDecoded("/", "notFound");
            spring.refresh();
            tomcat.start();
            return new OidcProviderForTests(tomcat, spring);
        } catch (IOException | LifecycleException e) {
            throw new IllegalStateException("the test's OIDC provider did not start", e);
        }
    }

    /** The issuer URL, which is also where its discovery document is. */
    public String issuer() {
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
        spring.close();
    }

    /** Spring Authorization Server as its reference guide configures it, with an in-memory client and users. */
    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class AuthorizationServer {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain loginChain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(USERS.stream()
                    .map(name -> User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build()).toList());
        }

        @Bean
        RegisteredClientRepository clients() {
            // A loopback redirect URI matches any port (RFC 8252 7.3): the command-api under test picks its own.
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("http://127.0.0.1/api/auth/sso/test-idp/callback")
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .build());
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                String user = context.getPrincipal().getName();
                context.getClaims().claim("email", user + EMAIL_DOMAIN)
                        .claim("name", Character.toUpperCase(user.charAt(0)) + user.substring(1) + " Tester")
                        .claim("groups", groups.getOrDefault(user, List.of()));
                if (FOREIGN_AUDIENCE_USER.equals(user)) {
                    context.getClaims().audience(List.of("another-client"));
                }
                if (FOREIGN_ISSUER_USER.equals(user)) {
                    context.getClaims().issuer("https://impostor.example");
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> signingKeys() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            // No issuer set: each request's own URL is the issuer, so the random port needs no configuration.
            return AuthorizationServerSettings.builder().build();
        }
    }
}
