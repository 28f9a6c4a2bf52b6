/**
 * The read-model fold: {@link io.flexboard.fold.ReadModelFold} turns one event into the row changes it makes to
 * the read models. The projector writes them to PostgreSQL; query-api applies them to an
 * {@link io.flexboard.fold.InMemoryReadModel} to show a tenant at any past moment. Pure: no Spring, no Reactor,
 * no database, no broker (FoldArchitectureTest).
 */
package io.flexboard.fold;
