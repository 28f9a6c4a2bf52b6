/**
 * The analysts' replay of the event history: {@code export} is the command-line tool that writes a time range
 * of the events topic to files. (The read-model fold is the {@code fold} module, {@code io.flexboard.fold}.)
 */
package io.flexboard.history;
