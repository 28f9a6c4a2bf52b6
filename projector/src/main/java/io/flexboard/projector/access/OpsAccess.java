package io.flexboard.projector.access;

import io.flexboard.foundation.identity.Access;
import io.flexboard.foundation.identity.Permission.Action;
import io.flexboard.foundation.identity.Permission.Resource;
import io.flexboard.foundation.security.RequestAdmission;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The projector's API (rebuilds, quarantines) is operating the platform, which the permission table gives a
 * super-admin alone. The projector verifies every signed-in person's access token like the other services, so
 * without this check a viewer's token could start a rebuild: every other role answers 403 before a handler runs.
 */
@Component
@Order(0)
class OpsAccess implements RequestAdmission {

    @Override
    public Mono<Void> admit(ServerWebExchange exchange) {
        Action action = HttpMethod.GET.equals(exchange.getRequest().getMethod()) ? Action.READ : Action.UPDATE;
        return Mono.fromRunnable(() -> Access.require(exchange, Resource.OPERATIONS, action, null));
    }
}
