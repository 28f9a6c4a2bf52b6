package io.flexboard.commandapi.user;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.flexboard.commandapi.api.ChangeUserCommand;
import io.flexboard.commandapi.api.CreateUserCommand;
import io.flexboard.commandapi.api.DisableUserCommand;
import io.flexboard.commandapi.api.InvalidCommandException;
import io.flexboard.commandapi.api.RuleViolationException;
import io.flexboard.commandapi.api.Unchanged;
import io.flexboard.commandapi.api.UnknownEntityException;
import io.flexboard.commandapi.api.UserSnapshot;
import io.flexboard.commandapi.input.StorableInput;
import io.flexboard.schemas.event.TenantCreatedEvent;
import io.flexboard.schemas.event.UserChangedEvent;
import io.flexboard.schemas.event.UserCreatedEvent;
import io.flexboard.schemas.event.UserDisabledEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One test per rule of the user aggregate, given events / when command / then events or refusal. */
class UserAggregateTest {

    private static final String ANN = "5d2b1c1e-0000-4000-8000-000000000001";
    private static final String BOB = "5d2b1c1e-0000-4000-8000-000000000002";
    private static final String ACME = "6c1f7f5e-8a55-4d51-9d0e-4bd3a9e1f001";
    private static final String GLOBEX = "6c1f7f5e-8a55-4d51-9d0e-4bd3a9e1f002";
    private static final String HASH = "$2a$10$abcdefghijklmnopqrstuuJ6v0bE6Zc1ZrKj1qKpY0jvYlBq2m1nW";

    private AggregateTestFixture<UserAggregate> fixture;
    /** Accounts by lower-cased email, as the command side's table keeps them. */
    private final Map<String, UserAccounts.Account> accounts = new HashMap<>();
    private final Set<String> tenants = new LinkedHashSet<>(List.of(ACME, GLOBEX));

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAggregate.class);
        fixture.registerCommandHandlerInterceptor(new StorableInput());
        fixture.registerInjectableResource(new InMemoryAccounts());
        fixture.registerInjectableResource((KnownTenants) ids -> {
            Set<String> unknown = new LinkedHashSet<>(ids);
            unknown.removeAll(tenants);
            return unknown;
        });
    }

    @Test
    void a_new_user_is_created_with_their_role_and_tenants_and_no_password_hash_in_the_event() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserCommand(ANN, " Ann@Example.com ", "Ann", HASH, "tenant-admin", List.of(ACME, ACME)))
                .expectEvents(new UserCreatedEvent(ANN, "Ann@Example.com", "Ann", "tenant-admin", List.of(ACME), true));
    }

    @Test
    void an_email_another_user_has_in_any_case_is_refused() {
        accounts.put("ann@example.com", account(BOB, "ann@example.com"));

        fixture.givenNoPriorActivity()
                .when(new CreateUserCommand(ANN, "ANN@example.com", "Ann", null, "viewer", List.of(ACME)))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("already used"))
                .expectNoEvents();
    }

    @Test
    void a_malformed_email_an_unknown_role_and_a_blank_name_are_refused_naming_each_field() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserCommand(ANN, "ann at example", " ", null, "owner", List.of(ACME)))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(allOf(containsString("field=email"), containsString("field=name"),
                        containsString("field=role")))
                .expectNoEvents();
    }

    @Test
    void a_tenant_id_that_is_no_uuid_or_names_no_tenant_is_refused_with_its_index() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserCommand(ANN, "ann@example.com", "Ann", null, "viewer", List.of(ACME, "acme")))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(containsString("field=tenant_ids[1]"));
        fixture.givenNoPriorActivity()
                .when(new CreateUserCommand(ANN, "ann@example.com", "Ann", null, "viewer",
                        List.of("6c1f7f5e-8a55-4d51-9d0e-4bd3a9e1f0ff")))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(containsString("names no tenant"));
    }

    @Test
    void a_super_admin_has_no_tenant_list_and_every_other_role_needs_one() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserCommand(ANN, "ann@example.com", "Ann", null, "super-admin", List.of(ACME)))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(containsString("field=tenant_ids"));
        fixture.givenNoPriorActivity()
                .when(new CreateUserCommand(ANN, "ann@example.com", "Ann", null, "viewer", List.of()))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(containsString("at least one tenant"));
    }

    @Test
    void a_change_keeps_what_it_does_not_send_and_carries_the_whole_new_state() {
        accounts.put("ann@example.com", account(ANN, "ann@example.com"));

        fixture.given(annCreated())
                .when(new ChangeUserCommand(ANN, null, null, null, "dashboard-editor", List.of(ACME, GLOBEX)))
                .expectEvents(new UserChangedEvent(ANN, "ann@example.com", "Ann", "dashboard-editor", List.of(ACME, GLOBEX), false))
                .expectResultMessagePayload(new UserSnapshot(ANN, "ann@example.com", "Ann", "dashboard-editor",
                        List.of(ACME, GLOBEX), true));
    }

    @Test
    void becoming_super_admin_drops_the_tenant_list() {
        accounts.put("ann@example.com", account(ANN, "ann@example.com"));

        fixture.given(annCreated())
                .when(new ChangeUserCommand(ANN, null, null, null, "super-admin", null))
                .expectEvents(new UserChangedEvent(ANN, "ann@example.com", "Ann", "super-admin", List.of(), false));
    }

    @Test
    void a_new_password_is_a_change_even_when_nothing_else_changed() {
        accounts.put("ann@example.com", account(ANN, "ann@example.com"));

        fixture.given(annCreated())
                .when(new ChangeUserCommand(ANN, null, null, HASH, null, null))
                .expectEvents(new UserChangedEvent(ANN, "ann@example.com", "Ann", "tenant-admin", List.of(ACME), true));
    }

    @Test
    void a_change_to_what_the_user_already_is_applies_nothing() {
        fixture.given(annCreated())
                .when(new ChangeUserCommand(ANN, "ann@example.com", "Ann", null, "tenant-admin", List.of(ACME)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.instanceOf(Unchanged.class));
    }

    @Test
    void changing_to_an_email_another_user_has_is_refused() {
        accounts.put("ann@example.com", account(ANN, "ann@example.com"));
        accounts.put("bob@example.com", account(BOB, "bob@example.com"));

        fixture.given(annCreated())
                .when(new ChangeUserCommand(ANN, "Bob@Example.com", null, null, null, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void a_disabled_user_takes_no_more_changes() {
        fixture.given(annCreated(), new UserDisabledEvent(ANN))
                .when(new ChangeUserCommand(ANN, null, "Annie", null, null, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("disabled"));
    }

    @Test
    void disabling_a_user_ends_their_account_and_disabling_again_changes_nothing() {
        accounts.put("ann@example.com", account(ANN, "ann@example.com"));

        fixture.given(annCreated())
                .when(new DisableUserCommand(ANN), Map.of("actor_id", BOB))
                .expectEvents(new UserDisabledEvent(ANN));
        fixture.given(annCreated(), new UserDisabledEvent(ANN))
                .when(new DisableUserCommand(ANN), Map.of("actor_id", BOB))
                .expectNoEvents();
    }

    @Test
    void nobody_disables_themselves() {
        fixture.given(annCreated())
                .when(new DisableUserCommand(ANN), Map.of("actor_id", ANN))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("yourself"))
                .expectNoEvents();
    }

    /** Tenants and users share the event store: a tenant's stream loaded as a user is refused, never extended. */
    @Test
    void a_tenants_id_is_no_user() {
        fixture.given(new TenantCreatedEvent(ANN, "Acme", "acme", "basic", 5, 20))
                .when(new DisableUserCommand(ANN))
                .expectException(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.instanceOf(UnknownEntityException.class),
                        org.hamcrest.Matchers.instanceOf(org.axonframework.eventsourcing.IncompatibleAggregateException.class)))
                .expectNoEvents();
    }

    private static UserCreatedEvent annCreated() {
        return new UserCreatedEvent(ANN, "ann@example.com", "Ann", "tenant-admin", List.of(ACME), true);
    }

    private static UserAccounts.Account account(String userId, String email) {
        return new UserAccounts.Account(userId, email, "x", "viewer", List.of(ACME), HASH, true);
    }

    /** The command side's account table, keyed like it by the lower-cased email. */
    private final class InMemoryAccounts implements UserAccounts {

        @Override
        public boolean register(Account account) {
            return accounts.putIfAbsent(JdbcUserAccounts.key(account.email()), account) == null;
        }

        @Override
        public boolean change(Account account) {
            Account holder = accounts.get(JdbcUserAccounts.key(account.email()));
            if (holder != null && !holder.userId().equals(account.userId())) {
                return false;
            }
            accounts.values().removeIf(existing -> existing.userId().equals(account.userId()));
            accounts.put(JdbcUserAccounts.key(account.email()), account);
            return true;
        }

        @Override
        public void disable(String userId) {
            accounts.replaceAll((email, account) -> account.userId().equals(userId)
                    ? new Account(account.userId(), account.email(), account.name(), account.role(), account.tenantIds(),
                    account.passwordHash(), false) : account);
        }

        @Override
        public Optional<Account> byEmail(String email) {
            return Optional.ofNullable(accounts.get(JdbcUserAccounts.key(email)));
        }

        @Override
        public Optional<Account> byId(String userId) {
            return accounts.values().stream().filter(account -> account.userId().equals(userId)).findFirst();
        }
    }
}
