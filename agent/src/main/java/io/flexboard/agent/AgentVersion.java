package io.flexboard.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The agent's own version, sent as {@code agent_version} so the control plane's sync reports show what runs where. */
public final class AgentVersion {

    private AgentVersion() {
    }

    /** The Maven project version, filtered into {@code flexboard-agent.properties} at build time. */
    public static String current() {
        try (InputStream in = AgentVersion.class.getResourceAsStream("/flexboard-agent.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
