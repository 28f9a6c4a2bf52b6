package io.flexboard.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests against the Kubernetes object model (fabric8's typed classes): every
 * document is a known kind, no field is unknown to it, and the objects fit together — replicas,
 * probes on the health paths, resources, PDB and Service selectors, referenced Secrets and
 * ConfigMaps, and the gateway's routes and timeouts.
 */
class KubernetesManifestsTest {

    private static final String NAMESPACE = "flexboard";
    private static final List<String> STATELESS = List.of("command-api", "query-api", "agent-bridge");
    /** Brought by the operator, not by these manifests (the gateway's TLS certificate). */
    private static final List<String> OPERATOR_SECRETS = List.of("flexboard-tls");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static List<Manifest> manifests;

    private record Manifest(Path file, KubernetesResource resource) {
    }

    @BeforeAll
    static void readAll() {
        manifests = new ArrayList<>();
        for (Path file : DeployFiles.filesEndingWith(".yml", ".yaml")) {
            if (!file.startsWith(DeployFiles.path("kubernetes"))) {
                continue;
            }
            for (Object document : DeployFiles.yamlDocuments(file)) {
                String json = DeployFiles.JSON.writeValueAsString(document);
                manifests.add(new Manifest(file, SERIALIZATION.unmarshal(json)));
            }
        }
    }

    @Test
    void every_document_is_a_known_kind_with_no_field_unknown_to_the_model() {
        assertThat(manifests).hasSizeGreaterThanOrEqualTo(15);
        for (Manifest manifest : manifests) {
            if (isEnvoyGatewayPolicy(manifest.resource())) {
                continue; // no fabric8 model: checked field by field below
            }
            assertThat(manifest.resource()).as(manifest.file() + ": kind unknown to the model")
                    .isNotInstanceOf(GenericKubernetesResource.class).isInstanceOf(HasMetadata.class);
            List<String> unknown = new ArrayList<>();
            collectUnknownFields(manifest.resource(), name(manifest.resource()), unknown);
            assertThat(unknown).as(manifest.file() + ": fields the Kubernetes model does not know").isEmpty();
        }
    }

    @Test
    void a_misspelt_field_anywhere_in_a_manifest_is_caught() {
        KubernetesResource misspelt = SERIALIZATION.unmarshal("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: x }
                spec:
                  replicaz: 3
                  template:
                    spec:
                      containers:
                        - name: x
                          readinessProbe: { httpGet: { paht: /health/readiness, port: 8080 } }
                """);
        List<String> unknown = new ArrayList<>();

        collectUnknownFields(misspelt, name(misspelt), unknown);

        assertThat(misspelt).isInstanceOf(Deployment.class);
        assertThat(unknown).hasSize(2).anyMatch(path -> path.endsWith(".replicaz")).anyMatch(path -> path.endsWith(".paht"));
    }

    @Test
    void everything_lives_in_the_flexboard_namespace() {
        assertThat(all(Namespace.class)).extracting(namespace -> namespace.getMetadata().getName()).containsExactly(NAMESPACE);
        for (Manifest manifest : manifests) {
            if (!(manifest.resource() instanceof Namespace)) {
                assertThat(((HasMetadata) manifest.resource()).getMetadata().getNamespace()).as(name(manifest.resource())).isEqualTo(NAMESPACE);
            }
        }
    }

    @Test
    void the_stateless_services_run_three_replicas_and_the_projector_no_more_than_its_partitions() {
        for (String service : STATELESS) {
            assertThat(deployment(service).getSpec().getReplicas()).as(service).isEqualTo(3);
        }
        // Each projector consumer group reads a 6-partition topic: a 7th replica would idle.
        assertThat(deployment("projector").getSpec().getReplicas()).isBetween(2, 6);
    }

    @Test
    void every_deployment_selects_its_own_pods_and_rolls_without_losing_capacity() {
        for (Deployment deployment : all(Deployment.class)) {
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).as(name(deployment)).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(deployment.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", deployment.getMetadata().getName());
            assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable()).isEqualTo(new IntOrString(0));
        }
    }

    @Test
    void every_container_is_probed_on_the_health_paths_of_its_own_port() {
        for (Deployment deployment : all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            for (Container container : pod.getContainers()) {
                String where = name(deployment) + "/" + container.getName();
                assertThat(container.getImage()).as(where).isNotBlank();
                assertProbe(where + " liveness", container, container.getLivenessProbe(), "/health/liveness");
                assertProbe(where + " readiness", container, container.getReadinessProbe(), "/health/readiness");
                assertProbe(where + " startup", container, container.getStartupProbe(), "/health/liveness");
                // Long enough for the first start's migrations: 5 minutes.
                Probe startup = container.getStartupProbe();
                assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold()).as(where).isGreaterThanOrEqualTo(300);
            }
        }
    }

    @Test
    void every_container_has_cpu_and_memory_requests_and_limits() {
        for (Deployment deployment : all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            for (Container container : Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream()).toList()) {
                String where = name(deployment) + "/" + container.getName();
                Map<String, Quantity> requests = container.getResources().getRequests();
                Map<String, Quantity> limits = container.getResources().getLimits();
                assertThat(requests).as(where + " requests").containsKeys("cpu", "memory");
                assertThat(limits).as(where + " limits").containsKeys("cpu", "memory");
                assertThat(Quantity.getAmountInBytes(limits.get("memory"))).as(where + " memory limit ≥ request")
                        .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")));
                assertThat(Quantity.getAmountInBytes(limits.get("cpu"))).as(where + " cpu limit ≥ request")
                        .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("cpu")));
            }
        }
    }

    @Test
    void every_deployment_has_a_disruption_budget_that_selects_exactly_its_pods_and_lets_one_go() {
        List<PodDisruptionBudget> budgets = all(PodDisruptionBudget.class);
        for (Deployment deployment : all(Deployment.class)) {
            List<PodDisruptionBudget> matching = budgets.stream()
                    .filter(budget -> selects(budget.getSpec().getSelector().getMatchLabels(), deployment))
                    .toList();
            assertThat(matching).as(name(deployment)).hasSize(1);
            PodDisruptionBudget budget = matching.get(0);
            int replicas = deployment.getSpec().getReplicas();
            int mayGo = budget.getSpec().getMinAvailable() != null
                    ? replicas - budget.getSpec().getMinAvailable().getIntVal()
                    : budget.getSpec().getMaxUnavailable().getIntVal();
            assertThat(mayGo).as(name(budget) + ": a node drain must be possible, without taking the service down").isBetween(1, replicas - 1);
        }
        for (PodDisruptionBudget budget : budgets) {
            assertThat(all(Deployment.class)).as(name(budget) + " selects no Deployment")
                    .anyMatch(deployment -> selects(budget.getSpec().getSelector().getMatchLabels(), deployment));
        }
    }

    @Test
    void every_service_selects_the_pods_of_one_deployment_and_targets_a_port_they_expose() {
        for (Service service : all(Service.class)) {
            List<Deployment> selected = all(Deployment.class).stream()
                    .filter(deployment -> selects(service.getSpec().getSelector(), deployment))
                    .toList();
            assertThat(selected).as(name(service)).hasSize(1);
            List<ContainerPort> ports = selected.get(0).getSpec().getTemplate().getSpec().getContainers().stream()
                    .flatMap(container -> container.getPorts().stream()).toList();
            for (ServicePort port : service.getSpec().getPorts()) {
                assertThat(ports).as(name(service) + " port " + port.getName()).anyMatch(exposed -> matches(port.getTargetPort(), exposed));
            }
        }
        for (Deployment deployment : all(Deployment.class)) {
            assertThat(all(Service.class)).as(name(deployment) + " has no Service").anyMatch(service -> selects(service.getSpec().getSelector(), deployment));
        }
    }

    @Test
    void every_secret_and_config_map_a_pod_reads_exists_with_that_key() {
        for (Deployment deployment : all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            for (Container container : Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream()).toList()) {
                String where = name(deployment) + "/" + container.getName();
                for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        String secret = env.getValueFrom().getSecretKeyRef().getName();
                        assertThat(secretKeys(secret)).as(where + " " + env.getName() + " ← secret " + secret)
                                .contains(env.getValueFrom().getSecretKeyRef().getKey());
                    }
                    if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                        String configMap = env.getValueFrom().getConfigMapKeyRef().getName();
                        assertThat(configMap(configMap).getData()).as(where + " " + env.getName())
                                .containsKey(env.getValueFrom().getConfigMapKeyRef().getKey());
                    }
                }
                for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
                    if (source.getConfigMapRef() != null) {
                        assertThat(configMap(source.getConfigMapRef().getName())).as(where).isNotNull();
                    }
                    if (source.getSecretRef() != null) {
                        assertThat(secretKeys(source.getSecretRef().getName())).as(where).isNotEmpty();
                    }
                }
            }
        }
    }

    @Test
    void the_committed_secrets_hold_placeholders_only() {
        for (Secret secret : all(Secret.class)) {
            assertThat(secret.getData()).as(name(secret) + ": use stringData placeholders, never encoded values").isNullOrEmpty();
            assertThat(secret.getStringData().values()).as(name(secret)).allMatch(value -> value.startsWith("REPLACE_ME"));
        }
    }

    @Test
    void the_services_get_their_settings_from_the_secrets_and_the_config_map() {
        assertThat(envNames("command-api")).contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "FLEXBOARD_ADMIN_TOKEN");
        assertThat(envNames("projector")).contains("SPRING_R2DBC_URL", "SPRING_R2DBC_USERNAME", "SPRING_R2DBC_PASSWORD",
                "SPRING_FLYWAY_URL", "SPRING_FLYWAY_USER", "SPRING_FLYWAY_PASSWORD", "FLEXBOARD_ADMIN_TOKEN");
        assertThat(envNames("query-api")).contains("SPRING_R2DBC_URL", "SPRING_R2DBC_USERNAME", "SPRING_R2DBC_PASSWORD", "FLEXBOARD_ADMIN_TOKEN");
        assertThat(envNames("agent-bridge")).contains("SPRING_R2DBC_URL", "SPRING_R2DBC_USERNAME", "SPRING_R2DBC_PASSWORD");
        assertThat(configMap("flexboard-config").getData()).containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        for (Deployment deployment : all(Deployment.class)) {
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom())
                    .as(name(deployment)).anyMatch(source -> source.getConfigMapRef() != null && "flexboard-config".equals(source.getConfigMapRef().getName()));
        }
    }

    @Test
    void the_services_that_sign_and_verify_access_tokens_read_the_key_from_the_jwt_secret() {
        for (String service : List.of("command-api", "query-api", "projector")) {
            EnvVar key = deployment(service).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(env -> env.getName().equals("FLEXBOARD_JWT_KEY")).findFirst().orElseThrow(() -> new AssertionError(service));
            assertThat(key.getValueFrom().getSecretKeyRef().getName()).as(service).isEqualTo("flexboard-jwt-secret");
            assertThat(key.getValueFrom().getSecretKeyRef().getKey()).as(service).isEqualTo("JWT_SECRET");
        }
    }

    @Test
    void prometheus_scrapes_every_pod_on_its_metrics_path_and_port() {
        for (Deployment deployment : all(Deployment.class)) {
            Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(annotations).as(name(deployment)).containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/path", "/metrics");
            assertThat(container.getPorts()).extracting(port -> String.valueOf(port.getContainerPort()))
                    .as(name(deployment)).contains(annotations.get("prometheus.io/port"));
        }
    }

    @Test
    void agents_go_to_the_agent_bridge_rebuilds_to_the_projector_reads_to_the_query_api_and_every_other_method_to_the_command_api() {
        List<HTTPRouteRule> rules = all(HTTPRoute.class).stream().flatMap(route -> route.getSpec().getRules().stream()).toList();

        HTTPRouteRule agents = ruleFor(rules, "/api/agent", null);
        assertThat(backend(agents)).isEqualTo("agent-bridge");
        assertThat(ruleFor(rules, "/api", "GET")).isSameAs(ruleFor(rules, "/api", "HEAD"));
        assertThat(backend(ruleFor(rules, "/api", "GET"))).isEqualTo("query-api");
        assertThat(backend(ruleFor(rules, "/api", null))).isEqualTo("command-api");
        // Projection rebuilds, whatever the method, go to the projector's ops API (the longer prefix wins).
        assertThat(backend(ruleFor(rules, "/api/ops/rebuilds", null))).isEqualTo("projector");
        assertThat(backend(ruleFor(rules, "/api/ops/quarantines", null))).isEqualTo("projector");
        // Everything else (the builder's pages and files) is the builder UI, no longer the gateway's 404.
        assertThat(backend(ruleFor(rules, "/", null))).isEqualTo("builder-ui");
        assertThat(deployment("builder-ui").getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).contains("/builder-ui:");
        // Single sign-on's redirects are GETs, yet command-api's (the longer prefix wins over /api's GET rule).
        assertThat(backend(ruleFor(rules, "/api/auth/sso", null))).isEqualTo("command-api");
        // A sync is held up to 58 s; every hop must wait at least 65 s.
        assertThat(Duration.parse("PT" + agents.getTimeouts().getRequest().toUpperCase())).isGreaterThanOrEqualTo(Duration.ofSeconds(65));
        assertThat(Duration.parse("PT" + agents.getTimeouts().getBackendRequest().toUpperCase())).isGreaterThanOrEqualTo(Duration.ofSeconds(65));
        for (HTTPRouteRule rule : rules) {
            for (HTTPBackendRef ref : rule.getBackendRefs()) {
                Service service = all(Service.class).stream().filter(s -> s.getMetadata().getName().equals(ref.getName())).findFirst().orElseThrow();
                assertThat(service.getSpec().getPorts()).extracting(ServicePort::getPort).as(ref.getName()).contains(ref.getPort());
            }
        }
    }

    @Test
    void the_gateway_s_clients_get_normalised_paths_refused_escaped_slashes_and_bounded_request_times() {
        List<GenericKubernetesResource> policies = manifests.stream().map(Manifest::resource)
                .filter(KubernetesManifestsTest::isEnvoyGatewayPolicy).map(GenericKubernetesResource.class::cast).toList();
        assertThat(policies).extracting(HasMetadata::getKind).containsExactly("ClientTrafficPolicy");
        Map<String, Object> spec = map(policies.get(0).getAdditionalProperties().get("spec"));

        // Only fields of Envoy Gateway's v1alpha1 ClientTrafficPolicy that this test knows: a typo is caught.
        assertThat(spec).containsOnlyKeys("targetRefs", "path", "headers", "timeout");
        assertThat(map(spec.get("path"))).containsOnlyKeys("escapedSlashesAction", "disableMergeSlashes")
                .containsEntry("escapedSlashesAction", "RejectRequest").containsEntry("disableMergeSlashes", false);
        assertThat(map(spec.get("headers"))).containsOnly(Map.entry("withUnderscoresAction", "RejectRequest"));
        Map<String, Object> http = map(map(spec.get("timeout")).get("http"));
        assertThat(http).containsOnlyKeys("requestReceivedTimeout", "idleTimeout");
        // The whole request must arrive in bounded time, yet well within the long-poll's 75 s.
        assertThat(Duration.parse("PT" + String.valueOf(http.get("requestReceivedTimeout")).toUpperCase()))
                .isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(Duration.parse("PT" + String.valueOf(http.get("idleTimeout")).toUpperCase())).isPositive();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> targets = (List<Map<String, Object>>) spec.get("targetRefs");
        String gateway = all(io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway.class).get(0).getMetadata().getName();
        assertThat(targets).containsExactly(Map.of("group", "gateway.networking.k8s.io", "kind", "Gateway", "name", gateway));
    }

    @Test
    void the_read_side_waits_for_the_projector_s_migrations_before_it_starts() {
        for (String service : List.of("query-api", "agent-bridge")) {
            List<Container> init = deployment(service).getSpec().getTemplate().getSpec().getInitContainers();
            assertThat(init).as(service).hasSize(1);
            assertThat(String.join(" ", init.get(0).getCommand())).contains("http://projector.flexboard.svc:8084/health/liveness");
        }
        assertThat(all(Service.class)).anyMatch(service -> name(service).equals("Service/projector")
                && service.getSpec().getPorts().get(0).getPort() == 8084);
    }

    private static boolean isEnvoyGatewayPolicy(KubernetesResource resource) {
        return resource instanceof GenericKubernetesResource generic && generic.getApiVersion().startsWith("gateway.envoyproxy.io/");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static HTTPRouteRule ruleFor(List<HTTPRouteRule> rules, String pathPrefix, String method) {
        List<HTTPRouteRule> found = new ArrayList<>();
        for (HTTPRouteRule rule : rules) {
            for (HTTPRouteMatch match : rule.getMatches()) {
                if (pathPrefix.equals(match.getPath().getValue()) && "PathPrefix".equals(match.getPath().getType())
                        && (method == null ? match.getMethod() == null : method.equals(match.getMethod()))) {
                    found.add(rule);
                }
            }
        }
        assertThat(found).as(method + " " + pathPrefix).hasSize(1);
        return found.get(0);
    }

    private static String backend(HTTPRouteRule rule) {
        assertThat(rule.getBackendRefs()).hasSize(1);
        return rule.getBackendRefs().get(0).getName();
    }

    private static void assertProbe(String where, Container container, Probe probe, String path) {
        assertThat(probe).as(where).isNotNull();
        assertThat(probe.getHttpGet()).as(where).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(where).isEqualTo(path);
        assertThat(container.getPorts()).as(where + " port").anyMatch(port -> matches(probe.getHttpGet().getPort(), port));
    }

    private static boolean matches(IntOrString target, ContainerPort port) {
        return target.getStrVal() != null ? target.getStrVal().equals(port.getName()) : target.getIntVal().equals(port.getContainerPort());
    }

    private static boolean selects(Map<String, String> selector, Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    private static List<String> envNames(String deployment) {
        return deployment(deployment).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream().map(EnvVar::getName).toList();
    }

    private static List<String> secretKeys(String name) {
        if (OPERATOR_SECRETS.contains(name)) {
            return List.of();
        }
        Secret secret = all(Secret.class).stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Secret " + name));
        return List.copyOf(secret.getStringData().keySet());
    }

    private static ConfigMap configMap(String name) {
        return all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + name));
    }

    private static Deployment deployment(String name) {
        return all(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    private static <T> List<T> all(Class<T> type) {
        return manifests.stream().map(Manifest::resource).filter(type::isInstance).map(type::cast).toList();
    }

    private static String name(KubernetesResource resource) {
        HasMetadata object = (HasMetadata) resource;
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    /**
     * fabric8 keeps a field its model does not know in the object's additionalProperties instead of
     * failing; walk every getter of every model object and collect those, with their path.
     */
    private static void collectUnknownFields(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                collectUnknownFields(element, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> collectUnknownFields(element, path + "." + key, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else {
                collectUnknownFields(field, path + "." + getter.getName(), unknown);
            }
        }
    }
}
