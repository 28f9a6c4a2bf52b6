package io.flexboard.commandapi.tenant;

import java.util.ArrayList;
import java.util.List;

import io.flexboard.commandapi.api.InvalidCommandException;
import io.flexboard.commandapi.api.IssueApiKeyCommand;
import io.flexboard.commandapi.api.IssuedApiKey;
import io.flexboard.commandapi.api.RevokeApiKeyCommand;
import io.flexboard.commandapi.api.RuleViolationException;
import io.flexboard.commandapi.api.Unchanged;
import io.flexboard.commandapi.api.UnknownEntityException;
import io.flexboard.commandapi.input.StorableInput;
import io.flexboard.schemas.event.ApiKeyIssuedEvent;
import io.flexboard.schemas.event.ApiKeyRevokedEvent;
import io.flexboard.schemas.event.TenantCreatedEvent;
import io.flexboard.schemas.event.TenantPausedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tenant aggregate's named API key rules: given events / when issue or revoke / then events or refusal. */
class ApiKeyAggregateTest {

    private static final String TENANT = "7d0c1f56-2a7b-4c1e-9a4f-3f1d8c2b0a01";
    private static final String FIRST_KEY = "11111111-1111-4c1e-9a4f-3f1d8c2b0a01";
    private static final String NEW_KEY = "22222222-2222-4c1e-9a4f-3f1d8c2b0a02";

    private AggregateTestFixture<TenantAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TenantAggregate.class);
        fixture.registerCommandHandlerInterceptor(new StorableInput());
        fixture.registerInjectableResource((TenantSlugs) (slug, tenantId) -> true);
        fixture.registerInjectableResource(new InMemoryDashboardOwners());
    }

    @Test
    void a_named_key_is_issued_with_its_name_stripped_and_only_its_hash() {
        fixture.given(tenantWithItsFirstKeyFromBeforeNames())
                .when(issue(NEW_KEY, "  plant-2 agents "))
                .expectEvents(new ApiKeyIssuedEvent(TENANT, NEW_KEY, hash(NEW_KEY), "fbk_222222", "plant-2 agents"));
    }

    @Test
    void a_key_needs_a_name() {
        for (String blank : new String[] {null, "", "   \t"}) {
            fixture.given(tenantWithItsFirstKeyFromBeforeNames())
                    .when(issue(NEW_KEY, blank))
                    .expectException(InvalidCommandException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("name"))
                    .expectNoEvents();
        }
    }

    @Test
    void a_name_longer_than_100_characters_is_refused() {
        fixture.given(tenantWithItsFirstKeyFromBeforeNames())
                .when(issue(NEW_KEY, "k".repeat(101)))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
        fixture.given(tenantWithItsFirstKeyFromBeforeNames())
                .when(issue(NEW_KEY, "k".repeat(100)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_name_with_control_or_format_characters_is_refused() {
        for (String hostile : new String[] {"plant\n2", "plant\u00072", "evil\u202Egnp.exe", "a\u2028b", "nul\u0000"}) {
            fixture.given(tenantWithItsFirstKeyFromBeforeNames())
                    .when(issue(NEW_KEY, hostile))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void a_name_is_unique_among_live_keys_whatever_its_case() {
        fixture.given(tenantWithItsFirstKeyFromBeforeNames())
                .when(issue(NEW_KEY, "Default"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("'Default'"))
                .expectNoEvents();
    }

    @Test
    void a_revoked_keys_name_may_be_used_again() {
        fixture.given(tenantWithItsFirstKeyFromBeforeNames(new ApiKeyRevokedEvent(TENANT, FIRST_KEY)))
                .when(issue(NEW_KEY, "default"))
                .expectEvents(new ApiKeyIssuedEvent(TENANT, NEW_KEY, hash(NEW_KEY), "fbk_222222", "default"));
    }

    @Test
    void a_tenant_has_at_most_20_live_keys_and_a_revocation_makes_room() {
        List<Object> twentyLive = tenantWithItsFirstKeyFromBeforeNames();
        for (int i = 2; i <= 20; i++) {
            twentyLive.add(new ApiKeyIssuedEvent(TENANT, keyId(i), hash(keyId(i)), "fbk_" + i, "site " + i));
        }

        fixture.given(twentyLive)
                .when(issue(NEW_KEY, "site 21"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("20 live API keys"))
                .expectNoEvents();

        twentyLive.add(new ApiKeyRevokedEvent(TENANT, keyId(7)));
        fixture.given(twentyLive)
                .when(issue(NEW_KEY, "site 21"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_paused_tenant_may_be_issued_a_key_to_rotate_a_leaked_one() {
        fixture.given(tenantWithItsFirstKeyFromBeforeNames(new TenantPausedEvent(TENANT, "key leaked")))
                .when(issue(NEW_KEY, "after the leak"))
                .expectEvents(new ApiKeyIssuedEvent(TENANT, NEW_KEY, hash(NEW_KEY), "fbk_222222", "after the leak"));
    }

    @Test
    void a_key_id_issued_before_cannot_be_issued_again() {
        fixture.given(tenantWithItsFirstKeyFromBeforeNames())
                .when(issue(FIRST_KEY, "again"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void revoking_a_live_key_revokes_it_even_the_tenants_last_one() {
        fixture.given(tenantWithItsFirstKeyFromBeforeNames())
                .when(new RevokeApiKeyCommand(TENANT, null, FIRST_KEY))
                .expectEvents(new ApiKeyRevokedEvent(TENANT, FIRST_KEY));
    }

    @Test
    void revoking_a_revoked_key_changes_nothing() {
        fixture.given(tenantWithItsFirstKeyFromBeforeNames(new ApiKeyRevokedEvent(TENANT, FIRST_KEY)))
                .when(new RevokeApiKeyCommand(TENANT, null, FIRST_KEY))
                .expectNoEvents()
                .expectResultMessagePayload(new Unchanged(null, 2));
    }

    @Test
    void revoking_a_key_the_tenant_was_never_issued_is_an_unknown_key() {
        // Another tenant's key id is just as unknown here: its existence does not leak.
        fixture.given(tenantWithItsFirstKeyFromBeforeNames())
                .when(new RevokeApiKeyCommand(TENANT, null, NEW_KEY))
                .expectException(UnknownEntityException.class)
                .expectExceptionMessage("unknown API key " + NEW_KEY)
                .expectNoEvents();
    }

    @Test
    void a_key_from_before_names_is_the_default_key_and_keeps_working_after_a_named_one_is_issued() {
        fixture.given(tenantWithItsFirstKeyFromBeforeNames(
                        new ApiKeyIssuedEvent(TENANT, NEW_KEY, hash(NEW_KEY), "fbk_222222", "plant-2")))
                .when(new RevokeApiKeyCommand(TENANT, null, FIRST_KEY))
                .expectEvents(new ApiKeyRevokedEvent(TENANT, FIRST_KEY));
    }

    /** A tenant created before keys had names (its first key's event has no name), then {@code later}. */
    private static List<Object> tenantWithItsFirstKeyFromBeforeNames(Object... later) {
        List<Object> events = new ArrayList<>(List.of(new TenantCreatedEvent(TENANT, "Acme", "acme", "basic", 5, 20),
                new ApiKeyIssuedEvent(TENANT, FIRST_KEY, hash(FIRST_KEY), "fbk_111111", null)));
        events.addAll(List.of(later));
        return events;
    }

    private static IssueApiKeyCommand issue(String keyId, String name) {
        return new IssueApiKeyCommand(TENANT, null, name, new IssuedApiKey(keyId, hash(keyId), "fbk_" + keyId.substring(0, 6)));
    }

    private static String keyId(int i) {
        return String.format("%08d-0000-4c1e-9a4f-3f1d8c2b0a01", i);
    }

    private static String hash(String keyId) {
        return keyId.replace("-", "").substring(0, 32).repeat(2);
    }
}
