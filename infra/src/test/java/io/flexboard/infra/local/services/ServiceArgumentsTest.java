package io.flexboard.infra.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.flexboard.infra.local.config.DatabaseUrl;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceArgumentsTest {

    private final AutoConfigurations autoConfigurations = AutoConfigurations.onClasspath(getClass().getClassLoader());
    private final ServiceArguments arguments = new ServiceArguments(
            DatabaseUrl.of("127.0.0.1", 54329, "flexboard", "postgres", ""), "127.0.0.1:19092", "admin",
            java.nio.file.Path.of("/data/jwt-signing-key.pem"), java.nio.file.Path.of("/data/sso.yml"));

    @Test
    void the_shared_classpath_holds_axon_and_r2dbc_auto_configurations_to_exclude() {
        assertThat(autoConfigurations.axon()).isNotEmpty().allMatch(name -> name.startsWith("org.axonframework."));
        assertThat(autoConfigurations.r2dbc()).anyMatch(name -> name.endsWith(".R2dbcAutoConfiguration"));
    }

    @Test
    void command_api_gets_jdbc_kafka_and_the_admin_token_and_no_r2dbc() {
        Map<String, Object> commandApi = arguments.forService(Service.COMMAND_API, autoConfigurations);

        assertThat(commandApi).containsEntry("spring.datasource.url", "jdbc:postgresql://127.0.0.1:54329/flexboard")
                .containsEntry("spring.kafka.bootstrap-servers", "127.0.0.1:19092")
                .containsEntry("flexboard.admin-token", "admin")
                .containsEntry("flexboard.jwt.key-file", "/data/jwt-signing-key.pem")
                .containsEntry("server.port", "0")
                .containsEntry("spring.jmx.enabled", "false");
        assertThat(commandApi.get("spring.autoconfigure.exclude").toString()).contains("R2dbcAutoConfiguration").doesNotContain("org.axonframework");
    }

    @Test
    void only_command_api_reads_the_sso_providers_from_the_data_dirs_optional_file() {
        assertThat(arguments.forService(Service.COMMAND_API, autoConfigurations))
                .containsEntry("spring.config.additional-location", "optional:file:/data/sso.yml");
        for (Service other : new Service[] {Service.PROJECTOR, Service.QUERY_API, Service.AGENT_BRIDGE}) {
            assertThat(arguments.forService(other, autoConfigurations)).doesNotContainKey("spring.config.additional-location");
        }
    }

    @Test
    void the_read_side_gets_r2dbc_and_no_axon() {
        Map<String, Object> queryApi = arguments.forService(Service.QUERY_API, autoConfigurations);
        Map<String, Object> projector = arguments.forService(Service.PROJECTOR, autoConfigurations);

        assertThat(queryApi).containsEntry("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:54329/flexboard")
                .containsEntry("flexboard.admin-token", "admin")
                .containsEntry("spring.kafka.bootstrap-servers", "127.0.0.1:19092")
                .doesNotContainKey("spring.datasource.url");
        assertThat(queryApi.get("spring.autoconfigure.exclude").toString()).contains("org.axonframework").doesNotContain("R2dbc");
        assertThat(projector).containsEntry("spring.flyway.url", "jdbc:postgresql://127.0.0.1:54329/flexboard")
                .containsEntry("spring.flyway.user", "postgres")
                .containsEntry("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:54329/flexboard")
                .containsEntry("spring.kafka.bootstrap-servers", "127.0.0.1:19092")
                // Its ops API, /api/ops/rebuilds, takes the admin token like every other /api call.
                .containsEntry("flexboard.admin-token", "admin");
    }

    @Test
    void after_a_crash_the_projector_rejoins_its_groups_as_the_same_static_member_and_the_relay_reclaims_its_token_quickly() {
        Map<String, Object> projector = arguments.forService(Service.PROJECTOR, autoConfigurations);
        Map<String, Object> commandApi = arguments.forService(Service.COMMAND_API, autoConfigurations);

        assertThat(projector).containsEntry("spring.kafka.consumer.properties.group.instance.id", "flexboard-local-projector");
        assertThat(commandApi).containsEntry("axon.eventhandling.tokenstore.claim-timeout", "5s")
                .containsEntry("axon.eventhandling.processors.kafka-relay.token-claim-interval", "1000");
        assertThat(arguments.forService(Service.QUERY_API, autoConfigurations)).doesNotContainKey("spring.kafka.consumer.properties.group.instance.id");
    }

    @Test
    void agent_bridge_gets_r2dbc_and_kafka_for_its_sync_reports() {
        Map<String, Object> agentBridge = arguments.forService(Service.AGENT_BRIDGE, autoConfigurations);

        assertThat(agentBridge).containsEntry("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:54329/flexboard")
                .containsEntry("spring.kafka.bootstrap-servers", "127.0.0.1:19092")
                .doesNotContainKey("flexboard.admin-token");
    }

    @Test
    void each_service_reads_only_the_application_yml_of_its_own_jar() throws Exception {
        for (Service service : Service.values()) {
            Class<?> application = Class.forName(service.applicationClassName());
            String root = ServiceConfigFiles.rootOf(application);

            ServiceConfigFiles.configLocation(application).ifPresent(location ->
                    assertThat(location.split(",")).allMatch(file -> file.startsWith("optional:" + root)));
        }
        assertThat(ServiceConfigFiles.configLocation(Class.forName(Service.QUERY_API.applicationClassName())))
                .hasValueSatisfying(location -> assertThat(location).contains("flexboard-query-api").endsWith("application.yml"));
    }
}
