package io.flexboard.queryapi.tenant;

import com.fasterxml.jackson.annotation.JsonValue;
import io.flexboard.foundation.problem.Problem;
import io.flexboard.foundation.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a tenant's agents may sync: {@code active}, or {@code paused} by an admin. The wire name is also
 * the {@code tenants.status} column's text.
 */
public enum TenantStatus {
    ACTIVE, PAUSED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a {@code tenants.status} column (or the fold's {@code TenantRow}) spells this way. */
    public static TenantStatus of(String column) {
        return named(column).orElseThrow(() -> new IllegalStateException("Not a tenant status: " + column));
    }

    /** Parses {@code ?status=}; an unknown value fails validation naming the parameter, so the UI can show it on its filter. */
    static TenantStatus fromQuery(String value) {
        return named(value).orElseThrow(() -> ProblemException.validation(List.of(new Problem.FieldError("status",
                "must be one of " + Arrays.stream(values()).map(TenantStatus::wireName).collect(Collectors.joining(", "))))));
    }

    private static Optional<TenantStatus> named(String wireName) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(wireName)).findFirst();
    }
}
