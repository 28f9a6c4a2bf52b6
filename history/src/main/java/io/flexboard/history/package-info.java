/**
 * The analysts' replay of the event history: {@code fold} turns events into read-model rows (the
 * projector writes them to PostgreSQL, query-api keeps them in memory to show a tenant at any past
 * moment), {@code export} is the command-line tool that writes a time range of the events topic
 * to files.
 */
package io.flexboard.history;
