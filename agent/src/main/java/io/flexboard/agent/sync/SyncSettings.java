package io.flexboard.agent.sync;

import java.time.Duration;

/**
 * Who this agent is and how it syncs.
 *
 * @param tenantId           the tenant
 * @param agentId            this installation's stable id
 * @param agentVersion       the agent's software version
 * @param controlPlaneUrl    where it syncs (shown in status.json)
 * @param localUrl           where it serves the configuration (shown in status.json)
 * @param waitSeconds        the long-poll hold asked of the bridge
 * @param fullResyncInterval how often the whole configuration is fetched again
 */
public record SyncSettings(
        String tenantId,
        String agentId,
        String agentVersion,
        String controlPlaneUrl,
        String localUrl,
        int waitSeconds,
        Duration fullResyncInterval) {
}
