package io.flexboard.queryapi.user;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flexboard.queryapi.web.PageRequest;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads {@code readmodel.users}; pages by (created_at, id). */
@Component
class UserReadModel {

    private static final String COLUMNS = "select id, email, name, role, tenant_ids, is_active, created_at, updated_at from users";

    private final DatabaseClient db;

    UserReadModel(DatabaseClient db) {
        this.db = db;
    }

    /** A page of users; {@code withinTenants} null: all of them, else those sharing one of these tenants. */
    Flux<UserView> page(PageRequest page, Set<String> withinTenants) {
        List<Object> parameters = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (page.hasCursor()) {
            PageRequest.CreatedAtAndId after = page.decodeCreatedAtAndId();
            parameters.add(after.createdAt());
            parameters.add(after.id());
            conditions.add("(created_at, id) > ($1, $2)");
        }
        if (withinTenants != null) {
            parameters.add(withinTenants.stream().map(UUID::fromString).toArray(UUID[]::new));
            conditions.add("tenant_ids && $" + parameters.size());
        }
        parameters.add(page.fetchSize());
        String sql = COLUMNS + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by created_at, id limit $" + parameters.size();
        DatabaseClient.GenericExecuteSpec query = db.sql(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query = query.bind(i, parameters.get(i));
        }
        return query.map(UserReadModel::user).all();
    }

    Mono<UserView> byId(UUID id) {
        return db.sql(COLUMNS + " where id = $1").bind(0, id).map(UserReadModel::user).one();
    }

    static String cursorAfter(UserView user) {
        return PageRequest.cursorOf(user.createdAt(), user.id());
    }

    private static UserView user(Readable row) {
        UUID[] tenants = row.get("tenant_ids", UUID[].class);
        return new UserView(row.get("id", UUID.class), row.get("email", String.class), row.get("name", String.class),
                row.get("role", String.class), tenants == null ? List.of() : Arrays.asList(tenants),
                Boolean.TRUE.equals(row.get("is_active", Boolean.class)), instant(row, "created_at"), instant(row, "updated_at"));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
