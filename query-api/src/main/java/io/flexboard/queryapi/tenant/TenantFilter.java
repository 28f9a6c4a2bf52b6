package io.flexboard.queryapi.tenant;

import io.flexboard.foundation.problem.Problem;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.queryapi.parameter.QueryParameters;
import java.util.List;

/**
 * The tenant list's {@code ?q=} (a substring of the name or slug, any case) and {@code ?status=};
 * null when not given. The cursor stays the (created_at, id) sort key, so it stays valid with any filter.
 */
record TenantFilter(String q, TenantStatus status) {

    /** Longer than any tenant name (200) or slug (64): such a search can only find nothing. */
    static final int MAX_QUERY_LENGTH = 200;

    static TenantFilter of(String q, String status) {
        String text = q == null || q.isBlank() ? null : QueryParameters.text("q", q.strip());
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.validation(List.of(new Problem.FieldError("q",
                    "must be at most " + MAX_QUERY_LENGTH + " characters")));
        }
        return new TenantFilter(text, status == null || status.isEmpty() ? null : TenantStatus.fromQuery(status));
    }

    /** The ILIKE pattern of {@code q}: its own %, _ and \ match literally. */
    String likePattern() {
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
