package io.flexboard.agent.serving;

import java.util.Locale;
import java.util.Set;

/**
 * Which {@code Host} headers the local server answers. A web page can make a browser send requests to
 * 127.0.0.1 through a name of its own that it re-points there (DNS rebinding); the browser then treats
 * the answer as that page's and lets it read the customer's queries. Such a request still carries the
 * page's name in {@code Host}, so only loopback names and the names the operator configured are answered.
 */
final class HostCheck {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final int port;
    private final Set<String> names;

    /** {@code names}: further host names (lower case) that reach this agent, e.g. through a local reverse proxy. */
    HostCheck(int port, Set<String> names) {
        this.port = port;
        this.names = names;
    }

    /**
     * Whether {@code host} (the header's value, null when absent) names this server: a loopback or
     * configured name, with this server's port or without one (HTTP/1.0 scripts such as the package's
     * health check send {@code Host: 127.0.0.1}; a browser only omits the port for port 80, another server).
     */
    boolean allows(String host) {
        if (host == null) {
            return false;
        }
        String value = host.strip().toLowerCase(Locale.ROOT);
        int portStart = value.startsWith("[") ? value.indexOf("]:") + 1 : value.lastIndexOf(':');
        String name = portStart > 0 ? value.substring(0, portStart) : value;
        if (portStart > 0 && !value.substring(portStart + 1).equals(Integer.toString(port))) {
            return false;
        }
        return LOOPBACK.contains(name) || names.contains(name);
    }
}
