/** The reference on-premise agent. */
package io.flexboard.agent;
