package io.flexboard.agentbridge.sync;

import io.flexboard.agentbridge.web.ProblemException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Decides an agent's sync answer from the published-version projection. All sync logic lives here so
 * long-polling and per-version answer caching can later wrap it without touching the HTTP handler.
 */
@Service
public class SyncService {

    private final PublishedVersions publishedVersions;

    public SyncService(PublishedVersions publishedVersions) {
        this.publishedVersions = publishedVersions;
    }

    /** Answers the sync of an agent authenticated with {@code keyTenant}'s API key. */
    public Mono<SyncResponse> sync(UUID keyTenant, SyncRequest request) {
        SyncRequest.Valid sync = request.validated();
        if (!sync.tenantId().equals(keyTenant)) {
            return Mono.error(ProblemException.forbidden("This API key belongs to another tenant than " + sync.tenantId()));
        }
        return publishedVersions.of(sync.tenantId())
                // "!=" rather than ">": an agent ahead of us (e.g. after a database restore) must converge back.
                .map(published -> published.version() != sync.currentVersion()
                        ? SyncResponse.update(published.version(), published.syncMetadata())
                        : SyncResponse.upToDate(published.version()))
                .defaultIfEmpty(SyncResponse.upToDate(0));
    }
}
