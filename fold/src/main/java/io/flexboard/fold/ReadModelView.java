package io.flexboard.fold;

import java.util.Optional;
import java.util.UUID;

/**
 * The rows the fold reads while folding an event (as declared by {@link ReadModelFold#reads}): the
 * dashboard whose widgets are replaced, the version being published or archived. The projector
 * answers from PostgreSQL in the batch's transaction, {@link InMemoryReadModel} from its tables.
 */
public interface ReadModelView {

    Optional<DashboardRow> dashboard(UUID dashboardId);

    Optional<VersionRow> version(UUID versionId);
}
