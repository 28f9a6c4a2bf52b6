package io.flexboard.infra.local.services;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.server.reactive.HttpHandler;

/** The services running in this JVM, each in its own Spring Boot context. */
public final class LocalServices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalServices.class);

    private final Map<Service, ConfigurableApplicationContext> contexts = Collections.synchronizedMap(new EnumMap<>(Service.class));

    /**
     * Starts the services in order: command-api (declares the topic, migrates the event store) and the
     * projector (migrates the read models) before the read side that queries those tables.
     */
    public static LocalServices start(List<Service> services, ServiceArguments arguments) {
        return start(services, arguments, Map.of());
    }

    /**
     * The same with properties that win over the local stack's own for every started service: a service run alone
     * on a fixed port ({@code server.port}), as the fault suite runs agent-bridge to restart it under its agents.
     */
    public static LocalServices start(List<Service> services, ServiceArguments arguments, Map<String, Object> overrides) {
        LocalServices localServices = new LocalServices();
        AutoConfigurations autoConfigurations = AutoConfigurations.onClasspath(LocalServices.class.getClassLoader());
        try {
            for (Service service : Service.values()) {
                if (services.contains(service)) {
                    Map<String, Object> properties = arguments.forService(service, autoConfigurations);
                    properties.putAll(overrides);
                    localServices.startOne(service, properties);
                }
            }
            return localServices;
        } catch (RuntimeException e) {
            localServices.close();
            throw e;
        }
    }

    private void startOne(Service service, Map<String, Object> properties) {
        long started = System.nanoTime();
        Class<?> application = applicationClass(service);
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        ServiceConfigFiles.configLocation(application).ifPresent(location -> args.add("--spring.config.location=" + location));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
        contexts.put(service, context);
        log.info("{} started in {} ms", service.serviceName(), (System.nanoTime() - started) / 1_000_000);
    }

    private static Class<?> applicationClass(Service service) {
        try {
            return Class.forName(service.applicationClassName(), true, LocalServices.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(service.serviceName() + " is not on the classpath (" + service.applicationClassName() + ")", e);
        }
    }

    /** The reactive web handler of a routed service, for in-process dispatch. */
    public Optional<HttpHandler> httpHandler(Service service) {
        return Optional.ofNullable(contexts.get(service)).map(context -> context.getBean(HttpHandler.class));
    }

    /**
     * The routes a running service answers straight from Reactor Netty on its own port (Spring Boot's
     * {@link NettyRouteProvider}s: agent-bridge's direct sync route), for the router to serve the same way.
     */
    public List<NettyRouteProvider> routeProviders(Service service) {
        return Optional.ofNullable(contexts.get(service))
                .map(context -> context.getBeanProvider(NettyRouteProvider.class).orderedStream().toList())
                .orElse(List.of());
    }

    /** A bean of a running service's context, e.g. the projector's listener registry to stop consuming. */
    public <T> T bean(Service service, Class<T> type) {
        ConfigurableApplicationContext context = contexts.get(service);
        if (context == null) {
            throw new IllegalStateException(service.serviceName() + " is not running");
        }
        return context.getBean(type);
    }

    public List<Service> services() {
        return List.copyOf(contexts.keySet());
    }

    public boolean isUp(Service service) {
        ConfigurableApplicationContext context = contexts.get(service);
        return context != null && context.isActive() && context.isRunning();
    }

    /** Closes the read side first, command-api last, so nothing writes into a closed store. */
    @Override
    public void close() {
        List<Service> started = new ArrayList<>(contexts.keySet());
        Collections.reverse(started);
        for (Service service : started) {
            ConfigurableApplicationContext context = contexts.remove(service);
            try {
                context.close();
            } catch (RuntimeException e) {
                log.warn("{} did not stop cleanly", service.serviceName(), e);
            }
        }
    }
}
