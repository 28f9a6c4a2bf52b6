package io.flexboard.infra.local.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ports of the embedded PostgreSQL and Kafka, chosen free at the first start and kept in
 * {@code <data dir>/local-stack.properties} so a restarted stack finds its data where it left it
 * and nothing collides with a PostgreSQL or Kafka already running on the machine's default ports.
 */
public final class LocalPorts {

    public static final String FILE_NAME = "local-stack.properties";
    public static final String POSTGRES = "postgres.port";
    public static final String KAFKA = "kafka.port";
    public static final String KAFKA_CONTROLLER = "kafka.controller.port";

    private static final Logger log = LoggerFactory.getLogger(LocalPorts.class);

    private final Path file;
    private final Properties ports = new Properties();
    /** A port the stack binds itself later (the router's): a port chosen now and released must not be it. */
    private int reserved = -1;

    private LocalPorts(Path file) {
        this.file = file;
    }

    public static LocalPorts in(Path dataDir) {
        LocalPorts localPorts = new LocalPorts(dataDir.resolve(FILE_NAME));
        if (Files.exists(localPorts.file)) {
            try (Reader reader = Files.newBufferedReader(localPorts.file, StandardCharsets.UTF_8)) {
                localPorts.ports.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + localPorts.file, e);
            }
        }
        return localPorts;
    }

    /**
     * Never hands out {@code port}: the router binds it only after PostgreSQL and Kafka are up, so a free port
     * chosen for them now could be the same one (seen once: Kafka's controller took the router's port).
     */
    public LocalPorts reserving(int port) {
        this.reserved = port;
        return this;
    }

    /** The kept port for {@code name}, or a new free one (kept from now on) when there is none or it is taken. */
    public synchronized int port(String name) {
        String kept = ports.getProperty(name);
        if (kept != null) {
            int port = Integer.parseInt(kept.trim());
            if (port != reserved && isFree(port)) {
                return port;
            }
            log.warn("Port {} for {} is taken by another process; choosing a new one", port, name);
        }
        int port = freePort();
        while (port == reserved || isKeptForAnother(name, port)) {
            port = freePort();
        }
        ports.setProperty(name, String.valueOf(port));
        save();
        return port;
    }

    /**
     * A free port is released once chosen, so the next choice may be the same one (Kafka refused a broker and a
     * controller listener both given 46415): no two names get one port.
     */
    private boolean isKeptForAnother(String name, int port) {
        String value = String.valueOf(port);
        return ports.stringPropertyNames().stream().anyMatch(other -> !other.equals(name) && value.equals(ports.getProperty(other).trim()));
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                ports.store(writer, "Ports of the local stack's embedded PostgreSQL and Kafka (chosen at first start)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }
}
