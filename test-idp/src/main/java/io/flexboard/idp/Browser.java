package io.flexboard.idp;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser as far as sign-in needs one: keeps cookies, follows no redirect by itself (the tests look
 * at each), fills in the OIDC provider's login form. One per person: cookies are what tells two apart.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A GET as a browser's address bar makes it: asking for HTML first. */
    public HttpResponse<String> navigate(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET()
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
    }

    public HttpResponse<String> postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Starts a sign-in at Flexboard's login URL and signs in at the provider as {@code user} (unless this browser
     * still is): answers the callback URL the provider sends the browser back to, not yet visited.
     */
    public String signInAtProvider(String flexboardLoginUrl, String user, String password) {
        String authorize = location(expectRedirect(get(flexboardLoginUrl)));
        String toLogin = location(expectRedirect(get(authorize)));
        if (!URI.create(toLogin).getPath().equals("/login")) {
            return toLogin; // still signed in at the provider from an earlier sign-in: straight back
        }
        HttpResponse<String> loginPage = get(toLogin);
        Matcher csrf = CSRF.matcher(loginPage.body());
        if (!csrf.find()) {
            throw new IllegalStateException("the provider's login page has no CSRF token: " + loginPage.body());
        }
        HttpResponse<String> loggedIn = expectRedirect(postForm(toLogin, Map.of("username", user, "password", password,
                "_csrf", csrf.group(1))));
        return location(expectRedirect(get(location(loggedIn))));
    }

    /** The response's Location, resolved against the URL it answered (providers redirect to relative paths). */
    public static String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "no Location in " + response.statusCode() + " " + response.body()));
        return response.uri().resolve(location).toString();
    }

    private static HttpResponse<String> expectRedirect(HttpResponse<String> response) {
        if (response.statusCode() != 302 && response.statusCode() != 303) {
            throw new IllegalStateException("expected a redirect from " + response.uri() + ", got " + response.statusCode()
                    + ": " + response.body());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
