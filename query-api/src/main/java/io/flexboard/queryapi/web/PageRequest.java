package io.flexboard.queryapi.web;

import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.queryapi.parameter.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** A list request's {@code ?limit=} (default 50, at most 200) and opaque {@code ?cursor=}, per contracts.md. */
public record PageRequest(int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final String SEPARATOR = "|";

    /** Checks the raw query parameters; a bad value is a malformed request, not a silently fixed one. */
    public static PageRequest of(Integer limit, String cursor) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw ProblemException.malformed("limit must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit, cursor == null || cursor.isEmpty() ? null : cursor);
    }

    /** Encodes the sort key of the last item into a cursor; base64 keeps it opaque and URL-safe. */
    public static String cursorOf(Object... sortKey) {
        String joined = String.join(SEPARATOR, java.util.Arrays.stream(sortKey).map(String::valueOf).toList());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes the cursor's sort key; anything we did not issue is a malformed request. */
    public <T> T decodeCursor(Function<List<String>, T> parser) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return parser.apply(List.of(joined.split("\\" + SEPARATOR, -1)));
        } catch (RuntimeException e) {
            throw ProblemException.malformed("cursor is not valid; use the Link rel=\"next\" of the previous page");
        }
    }

    /**
     * The sort key of a list ordered by {@code (created_at, id)} — tenants, users, API keys, sync status —
     * as {@link #cursorOf}{@code (createdAt, id)} wrote it; anything else is a malformed request.
     */
    public CreatedAtAndId decodeCreatedAtAndId() {
        return decodeCursor(parts -> {
            if (parts.size() != 2) {
                throw new IllegalArgumentException("a (created_at, id) cursor has two parts");
            }
            return new CreatedAtAndId(
                    OffsetDateTime.ofInstant(QueryParameters.required("cursor", parts.get(0), QueryParameters::instant), ZoneOffset.UTC),
                    QueryParameters.required("cursor", parts.get(1), QueryParameters::uuid));
        });
    }

    /** A decoded {@code (created_at, id)} cursor, ready to bind. */
    public record CreatedAtAndId(OffsetDateTime createdAt, UUID id) {
    }

    public boolean hasCursor() {
        return cursor != null;
    }

    /** How many rows to fetch: one more than the page, to know whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}
