package io.flexboard.queryapi.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriComponentsBuilder;

/** One page of a list: the JSON array of the spec plus {@code Link: <…>; rel="next"} when more follow. */
public record Page<T>(List<T> items, String nextCursor) {

    /** Cuts the {@code limit + 1} fetched rows to a page and derives the next cursor from its last item. */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<T, String> cursorOf) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, request.limit());
        return new Page<>(items, cursorOf.apply(items.get(items.size() - 1)));
    }

    /** The response; the link is relative (path and query) so it stays right behind the local router. */
    public ResponseEntity<List<T>> toResponse(ServerHttpRequest request, PageRequest pageRequest) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (nextCursor != null) {
            String next = UriComponentsBuilder.fromPath(request.getPath().value())
                    .query(request.getURI().getRawQuery())
                    .replaceQueryParam("limit", pageRequest.limit())
                    .replaceQueryParam("cursor", nextCursor)
                    .build()
                    .toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(items);
    }
}
