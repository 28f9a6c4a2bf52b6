package io.flexboard.history.export;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flexboard.schemas.EventTypeNames;
import io.flexboard.schemas.wire.Topics;

/**
 * What one {@code export} run is asked to do, read from its command line. An event is in the range when
 * {@code from <= occurred_at < to}.
 *
 * @param bootstrapServers the Kafka brokers ({@code --bootstrap-servers}, default {@code localhost:9092})
 * @param topic            the events topic ({@code --topic}, default {@code flexboard.events})
 * @param from             the range's inclusive start ({@code --from}); empty means the beginning of the topic
 * @param to               the range's exclusive end ({@code --to}, default: the moment the run starts)
 * @param tenants          only these tenants' events ({@code --tenant}, repeatable); empty means all
 * @param types            only these event types ({@code --type}, repeatable, {@link EventTypeNames} names); empty means all
 * @param format           the output format ({@code --format})
 * @param output           the output file ({@code --output}); empty means standard output ({@code --output=-})
 * @param avroCodec        the block compression of an Avro file ({@code --avro-codec}, default deflate)
 * @param skipUndecodable  count and skip a record that cannot be decoded instead of stopping ({@code --skip-undecodable})
 * @param stats            add peak heap, GC and CPU time to the summary line ({@code --stats})
 * @param timeout          how long to wait for the broker's answers ({@code --timeout}, default 30 s)
 */
public record ExportOptions(
        String bootstrapServers,
        String topic,
        Optional<Instant> from,
        Instant to,
        Set<String> tenants,
        Set<String> types,
        OutputFormat format,
        Optional<Path> output,
        AvroCodec avroCodec,
        boolean skipUndecodable,
        boolean stats,
        Duration timeout) {

    static final String STDOUT = "-";

    /**
     * Reads the options that follow the {@code export} command.
     *
     * @param now the default {@code --to}
     * @throws UsageException naming the first option that is unknown, missing or unreadable
     */
    public static ExportOptions parse(List<String> args, Instant now) {
        String bootstrapServers = "localhost:9092";
        String topic = Topics.EVENTS;
        Instant from = null;
        Instant to = null;
        Set<String> tenants = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        OutputFormat format = null;
        String output = null;
        AvroCodec avroCodec = AvroCodec.DEFLATE;
        boolean skipUndecodable = false;
        boolean stats = false;
        Duration timeout = Duration.ofSeconds(30);

        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "' (options are written --name=value)");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            switch (name) {
                case "--skip-undecodable" -> skipUndecodable = flag(name, arg, equals);
                case "--stats" -> stats = flag(name, arg, equals);
                case "--bootstrap-servers" -> bootstrapServers = bootstrapServers(value(name, arg, equals, rest));
                case "--topic" -> topic = value(name, arg, equals, rest);
                case "--from" -> from = instant(name, value(name, arg, equals, rest));
                case "--to" -> to = instant(name, value(name, arg, equals, rest));
                case "--tenant" -> list(value(name, arg, equals, rest)).forEach(t -> tenants.add(tenantId(t)));
                case "--type" -> list(value(name, arg, equals, rest)).forEach(t -> types.add(eventType(t)));
                case "--format" -> format = OutputFormat.parse(value(name, arg, equals, rest));
                case "--output" -> output = value(name, arg, equals, rest);
                case "--avro-codec" -> avroCodec = AvroCodec.parse(value(name, arg, equals, rest));
                case "--timeout" -> timeout = duration(name, value(name, arg, equals, rest));
                default -> throw new UsageException(name, "unknown option");
            }
        }
        if (format == null) {
            throw new UsageException("--format", "is required: one of " + OutputFormat.choices());
        }
        if (output == null) {
            throw new UsageException("--output", "is required: a file, or - for standard output");
        }
        Instant end = to != null ? to : now;
        if (from != null && !from.isBefore(end)) {
            throw new UsageException("--from", from + " must be before --to (" + end + (to == null ? ", now" : "") + ")");
        }
        return new ExportOptions(bootstrapServers, topic, Optional.ofNullable(from), end, Set.copyOf(tenants),
                Set.copyOf(types), format, output.equals(STDOUT) ? Optional.empty() : Optional.of(Path.of(output)),
                avroCodec, skipUndecodable, stats, timeout);
    }

    /** Where the output goes, as the summary line names it. */
    String outputName() {
        return output.map(Path::toString).orElse("standard output");
    }

    private static boolean flag(String name, String arg, int equals) {
        if (equals >= 0) {
            throw new UsageException(name, "takes no value, got '" + arg.substring(equals + 1) + "'");
        }
        return true;
    }

    private static String value(String name, String arg, int equals, List<String> rest) {
        String value;
        if (equals >= 0) {
            value = arg.substring(equals + 1);
        } else if (!rest.isEmpty() && !rest.get(0).startsWith("--")) {
            value = rest.remove(0);
        } else {
            throw new UsageException(name, "needs a value (" + name + "=...)");
        }
        if (value.isBlank()) {
            throw new UsageException(name, "needs a value (" + name + "=...)");
        }
        return value.strip();
    }

    /** host:port[,host:port...], as Kafka's bootstrap.servers; whether the hosts resolve is found out later. */
    private static String bootstrapServers(String value) {
        List<String> servers = list(value);
        if (servers.isEmpty() || !servers.stream().allMatch(ExportOptions::isHostAndPort)) {
            throw new UsageException("--bootstrap-servers", "must be host:port[,host:port...], got '" + value + "'");
        }
        return String.join(",", servers);
    }

    private static boolean isHostAndPort(String server) {
        int colon = server.lastIndexOf(':');
        String port = colon > 0 ? server.substring(colon + 1) : "";
        return port.matches("\\d{1,5}") && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535;
    }

    private static List<String> list(String value) {
        return List.of(value.split(",")).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** An ISO-8601 instant ({@code Z} or an offset), or a date meaning its midnight UTC. */
    private static Instant instant(String name, String value) {
        try {
            return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException(name, "'" + value + "' is not an ISO-8601 instant such as 2026-11-01T00:00:00Z (or a date such as 2026-11-01)");
        }
    }

    private static String tenantId(String value) {
        try {
            // The record key is the tenant id as the command side writes it: a lower-case UUID.
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--tenant", "must be a tenant's UUID, got '" + value + "'");
        }
    }

    private static String eventType(String value) {
        String type = value.toLowerCase(Locale.ROOT);
        if (!EventTypeNames.all().contains(type)) {
            throw new UsageException("--type", "unknown event type '" + value + "'; one of " + String.join(", ", EventTypeNames.all()));
        }
        return type;
    }

    /** {@code 30} (seconds), {@code 30s}, {@code 2m} or ISO-8601 {@code PT30S}. */
    private static Duration duration(String name, String value) {
        String text = value.toLowerCase(Locale.ROOT);
        try {
            Duration parsed;
            if (text.startsWith("p")) {
                parsed = Duration.parse(text.toUpperCase(Locale.ROOT));
            } else if (text.endsWith("ms")) {
                parsed = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            } else if (text.endsWith("s")) {
                parsed = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            } else if (text.endsWith("m")) {
                parsed = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            } else {
                parsed = Duration.ofSeconds(Long.parseLong(text));
            }
            if (parsed.isNegative() || parsed.isZero()) {
                throw new UsageException(name, "must be positive, got '" + value + "'");
            }
            return parsed;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new UsageException(name, "must be a duration such as 30s, 2m or PT30S, got '" + value + "'");
        }
    }
}
