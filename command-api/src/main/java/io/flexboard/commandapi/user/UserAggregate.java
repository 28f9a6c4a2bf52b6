package io.flexboard.commandapi.user;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.util.List;
import java.util.Locale;

import io.flexboard.commandapi.api.ChangeUserCommand;
import io.flexboard.commandapi.api.CommandMetadata;
import io.flexboard.commandapi.api.CreateUserCommand;
import io.flexboard.commandapi.api.DisableUserCommand;
import io.flexboard.commandapi.api.RuleViolationException;
import io.flexboard.commandapi.api.Unchanged;
import io.flexboard.commandapi.api.UnknownEntityException;
import io.flexboard.commandapi.api.UserSnapshot;
import io.flexboard.schemas.event.UserChangedEvent;
import io.flexboard.schemas.event.UserCreatedEvent;
import io.flexboard.schemas.event.UserDisabledEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A person who signs in as themselves: email (unique, any case), name, role and tenants. Each user is its
 * own stream, so editing one user never waits on a tenant. A disabled user stays (the audit trail names
 * them) but takes no more changes.
 */
@Aggregate
class UserAggregate {

    @AggregateIdentifier
    private String userId;
    private String email;
    private String name;
    private String role;
    private List<String> tenantIds;
    private boolean disabled;

    UserAggregate() {
        // for Axon: state is rebuilt from the events
    }

    @CommandHandler
    UserAggregate(CreateUserCommand command, UserAccounts accounts, KnownTenants tenants) {
        UserRules.CheckedUser user = UserRules.check(command.email(), command.name(), command.role(), command.tenantIds(), tenants);
        if (!accounts.register(new UserAccounts.Account(command.userId(), user.email(), user.name(), user.role().wireName(),
                user.tenantIds(), command.passwordHash(), true))) {
            throw emailTaken(user.email());
        }
        apply(new UserCreatedEvent(command.userId(), user.email(), user.name(), user.role().wireName(), user.tenantIds(),
                command.passwordHash() != null));
    }

    @CommandHandler
    Object handle(ChangeUserCommand command, UserAccounts accounts, KnownTenants tenants) {
        checkIsUser(command.userId());
        if (disabled) {
            throw new RuleViolationException(null, "user " + userId + " is disabled and takes no more changes");
        }
        UserRules.CheckedUser user = UserRules.check(
                command.email() == null ? email : command.email(),
                command.name() == null ? name : command.name(),
                command.role() == null ? role : command.role(),
                command.tenantIds() == null ? tenantIdsFor(command.role()) : command.tenantIds(),
                tenants);
        boolean passwordChanged = command.passwordHash() != null;
        if (!passwordChanged && user.email().equals(email) && user.name().equals(name)
                && user.role().wireName().equals(role) && user.tenantIds().equals(tenantIds)) {
            return new Unchanged(snapshot(), getVersion());
        }
        if (!accounts.change(new UserAccounts.Account(userId, user.email(), user.name(), user.role().wireName(),
                user.tenantIds(), command.passwordHash(), true))) {
            throw emailTaken(user.email());
        }
        apply(new UserChangedEvent(userId, user.email(), user.name(), user.role().wireName(), user.tenantIds(), passwordChanged));
        return snapshot();
    }

    @CommandHandler
    Object handle(DisableUserCommand command, @MetaDataValue(CommandMetadata.ACTOR_ID) String actorId, UserAccounts accounts) {
        checkIsUser(command.userId());
        if (disabled) {
            return new Unchanged(snapshot(), getVersion());
        }
        if (userId.equals(actorId)) {
            // Otherwise the last super-admin could lock everyone but the admin token out by a slip.
            throw new RuleViolationException(null, "you cannot disable yourself: ask another super-admin");
        }
        accounts.disable(userId);
        apply(new UserDisabledEvent(userId));
        return snapshot();
    }

    @EventSourcingHandler
    void on(UserCreatedEvent event) {
        userId = event.getUserId();
        email = event.getEmail();
        name = event.getName();
        role = event.getRole();
        tenantIds = List.copyOf(event.getTenantIds());
    }

    @EventSourcingHandler
    void on(UserChangedEvent event) {
        email = event.getEmail();
        name = event.getName();
        role = event.getRole();
        tenantIds = List.copyOf(event.getTenantIds());
    }

    @EventSourcingHandler
    void on(UserDisabledEvent event) {
        disabled = true;
    }

    /**
     * A change of role alone keeps the tenants, except into super-admin (who has every tenant, so none are
     * listed): the admin need not send {@code tenant_ids: []} with it.
     */
    private List<String> tenantIdsFor(String newRole) {
        return "super-admin".equals(newRole) ? List.of() : tenantIds;
    }

    /**
     * The event store is shared by tenants and users: an id of a tenant (or of nothing) loads an aggregate
     * without a user's events, which must answer 404 like an unknown user.
     */
    private void checkIsUser(String requested) {
        if (userId == null) {
            throw new UnknownEntityException("user", requested);
        }
    }

    private static RuleViolationException emailTaken(String email) {
        return new RuleViolationException("email", "email '" + email.toLowerCase(Locale.ROOT) + "' is already used by another user");
    }

    private UserSnapshot snapshot() {
        return new UserSnapshot(userId, email, name, role, tenantIds, !disabled);
    }
}
