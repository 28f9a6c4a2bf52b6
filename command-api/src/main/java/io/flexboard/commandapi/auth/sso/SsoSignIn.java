package io.flexboard.commandapi.auth.sso;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.flexboard.commandapi.api.ChangeUserCommand;
import io.flexboard.commandapi.api.CommandMetadata;
import io.flexboard.commandapi.api.CreateUserCommand;
import io.flexboard.commandapi.api.InvalidCommandException;
import io.flexboard.commandapi.api.RuleViolationException;
import io.flexboard.commandapi.auth.SignIn;
import io.flexboard.commandapi.user.UserAccounts;
import io.flexboard.foundation.problem.ProblemException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Turns a person an identity provider vouched for into the control plane's tokens, for both protocols. Their
 * groups decide role and tenants ({@link MappedAccess}); a person with no mapped group is refused. An email
 * Flexboard does not know becomes a user, through the same {@link CreateUserCommand} as POST /api/users (so the
 * audit trail has it), without a password; a known user's role and tenants follow the groups at each sign-in
 * ({@link ChangeUserCommand}, only when they changed). The actor of those events is {@code sso:<provider id>}.
 * Blocking (JDBC and the command bus): callers run it off the event loop.
 */
@Component
class SsoSignIn {

    /** Prefix of the actor of events a sign-in causes: the provider vouched for the change, no user sent it. */
    static final String ACTOR_PREFIX = "sso:";
    private static final int MAX_NAME = 200;

    private final SsoSettings settings;
    private final UserAccounts accounts;
    private final MappedTenants tenants;
    private final CommandGateway commands;
    private final SignIn signIn;

    SsoSignIn(SsoSettings settings, UserAccounts accounts, MappedTenants tenants, CommandGateway commands, SignIn signIn) {
        this.settings = settings;
        this.accounts = accounts;
        this.tenants = tenants;
        this.commands = commands;
        this.signIn = signIn;
    }

    /** The tokens of the person; 403 with the reason when their groups, email or account do not allow it. */
    SignIn.Tokens signIn(ExternalIdentity identity, String correlationId) {
        signIn.checkEnabled();
        SsoSettings.Provider provider = settings.provider(identity.providerId()).orElseThrow();
        MappedAccess access = MappedAccess.of(provider, identity.groups()).orElseThrow(() -> ProblemException.forbidden(
                "None of your groups at " + provider.name() + " gives a Flexboard role (" + identity.groups().size()
                        + " groups in '" + provider.groupsClaim() + "'): ask an administrator to add you to a mapped group"));
        if (SsoSettings.blank(identity.email())) {
            throw ProblemException.forbidden(provider.name() + " did not say your email, which Flexboard needs to know "
                    + "who you are: an administrator must release the email claim or attribute to Flexboard");
        }
        String email = identity.email().strip();
        List<String> tenantIds = tenants.ids(identity.providerId(), access.tenants());
        Map<String, String> metadata = Map.of(CommandMetadata.ACTOR, ACTOR_PREFIX + identity.providerId(),
                CommandMetadata.CORRELATION_ID, correlationId);
        UserAccounts.Account account = accounts.byEmail(email)
                .or(() -> provision(identity, email, access, tenantIds, metadata))
                .orElseThrow();
        if (!account.active()) {
            throw ProblemException.forbidden("Your Flexboard user " + email + " is disabled: ask a super-admin");
        }
        if (!account.role().equals(access.role().wireName())
                || !new HashSet<>(account.tenantIds()).equals(new HashSet<>(tenantIds))) {
            send(new ChangeUserCommand(account.userId(), null, null, null, access.role().wireName(), tenantIds), metadata);
            account = accounts.byId(account.userId()).orElseThrow();
        }
        return signIn.tokensFor(account);
    }

    private Optional<UserAccounts.Account> provision(ExternalIdentity identity, String email, MappedAccess access,
                                                     List<String> tenantIds, Map<String, String> metadata) {
        try {
            send(new CreateUserCommand(UUID.randomUUID().toString(), email, nameOf(identity, email), null,
                    access.role().wireName(), tenantIds), metadata);
        } catch (RuleViolationException emailTaken) {
            // The same person's sign-in in another tab created the user a moment ago: use that one.
        }
        return accounts.byEmail(email);
    }

    private void send(Object command, Map<String, String> metadata) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
        } catch (RuntimeException failure) {
            Throwable cause = failure;
            while (cause instanceof CommandExecutionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof InvalidCommandException invalid) {
                throw ProblemException.forbidden("What the identity provider says about you is not a valid Flexboard user ("
                        + invalid.getMessage() + "): ask an administrator");
            }
            throw cause instanceof RuntimeException runtime ? runtime : failure;
        }
    }

    private static String nameOf(ExternalIdentity identity, String email) {
        String name = SsoSettings.blank(identity.name()) ? email : identity.name().strip();
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }
}
