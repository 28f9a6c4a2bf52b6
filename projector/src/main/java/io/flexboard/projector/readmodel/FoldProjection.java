package io.flexboard.projector.readmodel;

import java.util.List;

import io.flexboard.fold.BatchChanges;
import io.flexboard.fold.ReadModelFold;
import io.flexboard.fold.ReadModelView;
import io.flexboard.fold.RowChange;
import io.flexboard.projector.projection.ProjectionOrder;
import io.flexboard.projector.projection.ReadModelProjection;
import io.flexboard.schemas.EventEnvelope;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every read model of the events: reads the rows the fold asks for, folds the batch's events one
 * after another ({@link ReadModelFold}, the same code query-api folds a tenant's history with),
 * and writes their net row changes ({@link BatchChanges}), all through the batch's transaction.
 * Public so that query-api's tests can write their read-model fixtures exactly as the projector does.
 */
@Component
@Order(ProjectionOrder.READ_MODELS)
public class FoldProjection implements ReadModelProjection {

    private final SqlReadModelView view;
    private final ReadModelWriter writer;

    public FoldProjection(DatabaseClient database) {
        this.view = new SqlReadModelView(database);
        this.writer = new ReadModelWriter(database);
    }

    @Override
    public Mono<Void> apply(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        return view.load(events.stream().map(ReadModelFold::reads).toList())
                .map(before -> fold(events, before))
                .flatMap(writer::write);
    }

    private static BatchChanges fold(List<EventEnvelope> events, ReadModelView before) {
        BatchChanges changes = new BatchChanges();
        ReadModelView current = changes.over(before);
        for (EventEnvelope event : events) {
            for (RowChange change : ReadModelFold.fold(event, current)) {
                changes.add(change);
            }
        }
        return changes;
    }
}
