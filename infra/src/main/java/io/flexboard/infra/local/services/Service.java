package io.flexboard.infra.local.services;

/** The four services the local stack runs, in start order; referenced by class name so this module builds without them. */
public enum Service {

    COMMAND_API("command-api", "io.flexboard.commandapi.CommandApiApplication", true),
    PROJECTOR("projector", "io.flexboard.projector.ProjectorApplication", true),
    QUERY_API("query-api", "io.flexboard.queryapi.QueryApiApplication", true),
    AGENT_BRIDGE("agent-bridge", "io.flexboard.agentbridge.AgentBridgeApplication", true);

    private final String serviceName;
    private final String applicationClassName;
    private final boolean routed;

    Service(String serviceName, String applicationClassName, boolean routed) {
        this.serviceName = serviceName;
        this.applicationClassName = applicationClassName;
        this.routed = routed;
    }

    public String serviceName() {
        return serviceName;
    }

    public String applicationClassName() {
        return applicationClassName;
    }

    /** Whether the router sends HTTP requests to it (the projector: its ops API, /api/ops/rebuilds). */
    public boolean routed() {
        return routed;
    }

    public boolean isOnClasspath() {
        try {
            Class.forName(applicationClassName, false, Service.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
