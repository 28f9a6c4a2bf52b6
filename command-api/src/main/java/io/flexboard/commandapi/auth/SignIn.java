package io.flexboard.commandapi.auth;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;

import io.flexboard.commandapi.user.Passwords;
import io.flexboard.commandapi.user.UserAccounts;
import io.flexboard.foundation.identity.AccessTokens;
import io.flexboard.foundation.identity.Caller;
import io.flexboard.foundation.identity.Role;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.problem.ProblemType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signing in with email and password, and refreshing: checks the account, then issues the control plane's
 * access token and a refresh token. Blocking (BCrypt and JDBC): callers run it off the event loop. SSO
 * ends in {@link #tokensFor}: after an identity provider vouched for a user, the user gets the same tokens.
 */
@Component
public class SignIn {

    /** One answer for every refused sign-in, so the answer never tells which emails exist. */
    static final String REFUSED = "The email or password is not right";

    private final UserAccounts accounts;
    private final Passwords passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final Duration accessTokenLifetime;
    private final Duration refreshTokenLifetime;

    SignIn(UserAccounts accounts, Passwords passwords, AccessTokens accessTokens, RefreshTokens refreshTokens,
           LoginThrottle throttle,
           @Value("${flexboard.jwt.access-token-lifetime:60s}") Duration accessTokenLifetime,
           @Value("${flexboard.jwt.refresh-token-lifetime:12h}") Duration refreshTokenLifetime) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.accessTokenLifetime = accessTokenLifetime;
        this.refreshTokenLifetime = refreshTokenLifetime;
    }

    /** The tokens of the user with this email and password; 401 (the same for every reason) or 429. */
    Tokens login(String email, String password, String client) {
        checkEnabled();
        String emailKey = LoginThrottle.emailKey(email);
        String clientKey = LoginThrottle.clientKey(client);
        throttle.waitFor(emailKey, clientKey).ifPresent(wait -> {
            throw tooManyAttempts(wait);
        });
        Optional<UserAccounts.Account> account = accounts.byEmail(email.strip());
        // The hash is checked whether or not the account exists or is active: the same work either way.
        boolean matches = passwords.matches(password, account.map(UserAccounts.Account::passwordHash).orElse(null));
        if (!matches || account.isEmpty() || !account.get().active()) {
            throttle.failed(emailKey, clientKey);
            throw ProblemException.unauthorized(REFUSED);
        }
        throttle.succeeded(emailKey);
        return tokensFor(account.get());
    }

    /** New tokens for a refresh token, which is used up; 401 when it is unknown, used, expired or its user disabled. */
    Tokens refresh(String refreshToken) {
        checkEnabled();
        UserAccounts.Account account = refreshTokens.redeem(refreshToken)
                .flatMap(accounts::byId)
                .filter(UserAccounts.Account::active)
                .orElseThrow(() -> ProblemException.unauthorized("The refresh token is not valid: sign in again"));
        return tokensFor(account);
    }

    /** The access and refresh tokens of an account the caller has already checked. */
    public Tokens tokensFor(UserAccounts.Account account) {
        Caller caller = Caller.user(account.userId(), account.email(), account.name(),
                Role.named(account.role()).orElseThrow(), new HashSet<>(account.tenantIds()));
        return new Tokens(accessTokens.issue(caller, accessTokenLifetime), accessTokenLifetime.toSeconds(),
                refreshTokens.issue(account.userId(), refreshTokenLifetime), refreshTokenLifetime.toSeconds());
    }

    /** Refuses (403) when this service has no key to sign access tokens with. */
    public void checkEnabled() {
        if (!accessTokens.enabled()) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Sign-in is off: this command-api has no flexboard.jwt key (docs/SECURITY.md)");
        }
    }

    private static ProblemException tooManyAttempts(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
        return new ProblemException(ProblemType.RATE_LIMITED, "Too many failed sign-ins: try again in " + seconds + " s",
                null, java.util.Map.of("Retry-After", Long.toString(seconds)));
    }

    /** What a sign-in or refresh answers. */
    public record Tokens(String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn) {
    }
}
