package io.flexboard.queryapi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.problem.ProblemType;
import io.flexboard.queryapi.support.QueryApiIntegrationTest;
import io.flexboard.queryapi.tenant.TenantReadModel;
import io.flexboard.queryapi.web.PageRequest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The dashboards read model's pages as the Flux the list endpoint collects, and the tenant check around them. */
class DashboardReadModelTest extends QueryApiIntegrationTest {

    @Autowired
    DashboardReadModel dashboards;
    @Autowired
    TenantReadModel tenants;

    @Test
    void given_three_dashboards_when_paged_by_two_then_each_page_emits_its_dashboards_in_creation_order_and_one_more_to_tell_a_next_page() {
        UUID tenant = given.tenantWithDashboards(3);
        AtomicReference<DashboardSummary> lastOfFirstPage = new AtomicReference<>();

        StepVerifier.create(dashboards.page(tenant, new PageRequest(2, null)))
                .assertNext(first -> assertThat(first.slug()).isEqualTo("dashboard-1"))
                .assertNext(second -> {
                    assertThat(second.slug()).isEqualTo("dashboard-2");
                    lastOfFirstPage.set(second);
                })
                .assertNext(lookAhead -> assertThat(lookAhead.slug()).as("the row telling a next page exists").isEqualTo("dashboard-3"))
                .verifyComplete();
        String cursor = PageRequest.cursorOf(lastOfFirstPage.get().createdAt(), lastOfFirstPage.get().id());

        StepVerifier.create(dashboards.page(tenant, new PageRequest(2, cursor)))
                .assertNext(third -> assertThat(third.slug()).isEqualTo("dashboard-3"))
                .verifyComplete();
    }

    @Test
    void given_a_tenant_without_dashboards_when_listed_under_it_then_an_empty_list_not_a_missing_tenant() {
        UUID tenant = given.tenant("no-dashboards-yet");

        StepVerifier.create(tenants.listUnder(tenant, dashboards.page(tenant, new PageRequest(2, null))))
                .expectNext(List.of())
                .verifyComplete();
    }

    @Test
    void given_an_unknown_tenant_when_listed_under_it_then_not_found_and_its_rows_are_never_read() {
        AtomicInteger reads = new AtomicInteger();
        Flux<DashboardSummary> rows = Flux.defer(() -> {
            reads.incrementAndGet();
            return Flux.empty();
        });

        StepVerifier.create(tenants.listUnder(UUID.randomUUID(), rows))
                .expectErrorSatisfies(failure -> assertThat(failure).isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.type()).isEqualTo(ProblemType.NOT_FOUND)))
                .verify();
        assertThat(reads).hasValue(0);
    }
}
