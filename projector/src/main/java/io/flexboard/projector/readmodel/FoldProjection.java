package io.flexboard.projector.readmodel;

import io.flexboard.history.fold.ReadModelFold;
import io.flexboard.history.fold.RowChange;
import io.flexboard.projector.projection.ProjectionOrder;
import io.flexboard.projector.projection.ReadModelProjection;
import io.flexboard.schemas.EventEnvelope;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every read model of the events: reads the rows the fold asks for, folds the event
 * ({@link ReadModelFold}, the same code query-api folds a tenant's history with) and writes its row
 * changes in order, all through the batch's transaction. Public so that query-api's tests can
 * write their read-model fixtures exactly as the projector does.
 */
@Component
@Order(ProjectionOrder.READ_MODELS)
public class FoldProjection implements ReadModelProjection {

    private final SqlReadModelView view;
    private final RowChange.Handler<Mono<Void>> writer;

    public FoldProjection(DatabaseClient database) {
        this.view = new SqlReadModelView(database);
        this.writer = new ReadModelWriter(database);
    }

    @Override
    public Mono<Void> apply(EventEnvelope event) {
        return view.load(ReadModelFold.reads(event))
                .map(rows -> ReadModelFold.fold(event, rows))
                .flatMapMany(Flux::fromIterable)
                .concatMap(change -> change.applyTo(writer))
                .then();
    }
}
