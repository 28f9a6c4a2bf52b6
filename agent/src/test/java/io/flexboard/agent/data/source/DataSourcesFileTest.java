package io.flexboard.agent.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DataSourcesFileTest {

    private static final Path DIRECTORY = Path.of("/etc/flexboard-agent");
    private final Map<String, String> environment = Map.of("SALES_DB_PASSWORD", "s3cr3t-Pa55", "ANALYTICS_KEY", "ak_live_123456");
    private final DataSourcesFile file = new DataSourcesFile(environment::get);

    private DataSourceSet parse(String yaml) throws InvalidDataSourcesException {
        return file.parse("datasources.yml", yaml, DIRECTORY);
    }

    @Test
    void the_roadmaps_three_examples_are_read_with_their_secrets_from_the_environment() throws Exception {
        DataSourceSet set = parse("""
                datasources:
                  - id: main-db
                    name: Main SQL Server
                    type: sqlserver
                    connection: {host: localhost, port: 1433, database: ProductionDB, username: dbuser, password: "${SALES_DB_PASSWORD}"}
                    options: {ssl: true, timeout: 30000, poolSize: 10}
                  - id: external-api
                    name: External Analytics API
                    type: rest_api
                    connection:
                      url: https://api.analytics.com/v1/data
                      apiKey: ${ANALYTICS_KEY}
                      headers: {Content-Type: application/json}
                    options: {timeout: 10000}
                  - id: mongo-analytics
                    name: Analytics MongoDB
                    type: mongodb
                    connection: {url: "mongodb://localhost:27017/analytics"}
                default: main-db
                """);

        assertThat(set.definitions()).containsOnlyKeys("main-db", "external-api", "mongo-analytics");
        assertThat(set.defaultId()).contains("main-db");
        DataSourceDefinition main = set.definitions().get("main-db");
        assertThat(main.type()).isEqualTo(DataSourceType.SQLSERVER);
        assertThat(main.connection().password()).isEqualTo("s3cr3t-Pa55");
        assertThat(main.options()).isEqualTo(new DataSourceDefinition.Options(true, Duration.ofSeconds(30), 10));
        assertThat(main.baseDirectory()).isEqualTo(DIRECTORY);
        DataSourceDefinition api = set.definitions().get("external-api");
        assertThat(api.connection().apiKey()).isEqualTo("ak_live_123456");
        assertThat(api.connection().headers()).containsEntry("Content-Type", "application/json");
        assertThat(api.options().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(set.definitions().get("mongo-analytics").options().poolSize()).isEqualTo(DataSourceDefinition.Options.DEFAULT_POOL_SIZE);
    }

    @Test
    void the_example_shipped_in_the_on_premise_package_is_a_valid_file() throws Exception {
        DataSourceSet set = new DataSourcesFile(name -> "secret-of-" + name).parse("datasources.example.yml",
                java.nio.file.Files.readString(Path.of("package/datasources.example.yml")), DIRECTORY);

        assertThat(set.definitions().values()).extracting(DataSourceDefinition::type).containsExactlyInAnyOrder(DataSourceType.values());
        assertThat(set.defaultId()).contains("main");
        assertThat(set.definitions().get("mongo-analytics").connection().url()).contains("secret-of-MONGO_PASSWORD");
    }

    @Test
    void a_definition_printed_in_a_log_line_shows_no_secret() throws Exception {
        DataSourceDefinition main = parse("""
                datasources:
                  - {id: main, type: postgresql, connection: {host: db, username: reader, password: "${SALES_DB_PASSWORD}"}}
                """).definitions().get("main");

        assertThat(main.toString()).doesNotContain("s3cr3t-Pa55").contains("reader");
        assertThat(main.secrets()).containsExactly("s3cr3t-Pa55");
    }

    @Test
    void the_only_data_source_is_the_default_when_none_is_named() throws Exception {
        assertThat(parse("datasources: [{id: only, type: postgresql, connection: {host: db}}]").defaultId()).contains("only");
        assertThat(parse("""
                datasources:
                  - {id: a, type: postgresql, connection: {host: db}}
                  - {id: b, type: mysql, connection: {host: db}}
                """).defaultId()).isEmpty();
    }

    @Test
    void an_empty_file_defines_no_data_source() throws Exception {
        assertThat(parse("").definitions()).isEmpty();
        assertThat(parse("datasources: []").definitions()).isEmpty();
    }

    @Test
    void an_unset_secret_is_refused_naming_the_entry_the_field_and_the_variable() {
        assertThatThrownBy(() -> parse("""
                datasources:
                  - {id: main, type: postgresql, connection: {host: db, password: "${NOT_SET_ANYWHERE}"}}
                """))
                .isInstanceOf(InvalidDataSourcesException.class)
                .hasMessageContaining("datasources[0] (main).connection.password: the environment variable NOT_SET_ANYWHERE is not set");
    }

    @Test
    void every_problem_of_a_bad_file_is_named_by_entry_and_field() {
        assertThatThrownBy(() -> parse("""
                datasources:
                  - id: main
                    type: postgres
                    connection: {host: db, port: 99999, pasword: x}
                    options: {timeout: fast, poolSize: 0, ssl: "yes"}
                  - id: main
                    type: mysql
                    connection: {host: db}
                  - {id: "../etc", type: csv, connection: {}}
                  - {type: rest_api, connection: {url: "ftp://x"}}
                default: nowhere
                colour: blue
                """))
                .isInstanceOf(InvalidDataSourcesException.class)
                .satisfies(e -> assertThat(((InvalidDataSourcesException) e).problems()).contains(
                        "colour: is not a known field (known: datasources, default)",
                        "datasources[0] (main).type: must be one of sqlserver, postgresql, mysql, mongodb, rest_api, csv, excel, got 'postgres'",
                        "datasources[0] (main).connection.port: must be a whole number from 1 to 65535, got '99999'",
                        "datasources[0] (main).connection.pasword: is not a known field (known: apiKey, database, headers, host, password, port, url, username)",
                        "datasources[0] (main).options.timeout: must be a whole number from 100 to 600000 (milliseconds), got 'fast'",
                        "datasources[0] (main).options.poolSize: must be a whole number from 1 to 100, got '0'",
                        "datasources[0] (main).options.ssl: must be true or false, got 'yes'",
                        "datasources[1] (main).id: 'main' is defined twice",
                        "datasources[2].id: must be 1 to 64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit",
                        "datasources[3].id: is required",
                        "datasources[3].connection.url: must be an http:// or https:// URL for rest_api",
                        "default: 'nowhere' is not the id of a data source in this file"));
    }

    @Test
    void each_type_says_what_it_cannot_do_without() {
        assertThatThrownBy(() -> parse("""
                datasources:
                  - {id: sql, type: sqlserver, connection: {database: x}}
                  - {id: files, type: csv, connection: {}}
                  - {id: api, type: rest_api, connection: {}}
                  - {id: mongo, type: mongodb, connection: {}}
                """))
                .isInstanceOf(InvalidDataSourcesException.class)
                .satisfies(e -> assertThat(((InvalidDataSourcesException) e).problems()).containsExactly(
                        "datasources[0] (sql).connection.host: is required for sqlserver (or a full JDBC url)",
                        "datasources[1] (files).connection.url: is required for csv (the directory holding the files)",
                        "datasources[2] (api).connection.url: is required for rest_api (the API's base URL)",
                        "datasources[3] (mongo).connection.url: is required for mongodb (a mongodb:// connection string), or host"));
    }

    @Test
    void a_file_that_is_not_yaml_or_not_a_mapping_is_refused() {
        assertThatThrownBy(() -> parse("datasources: [ {id: x"))
                .isInstanceOf(InvalidDataSourcesException.class).hasMessageContaining("is not valid YAML");
        assertThatThrownBy(() -> parse("- just\n- a list\n"))
                .isInstanceOf(InvalidDataSourcesException.class).hasMessageContaining("must be a mapping");
        assertThatThrownBy(() -> parse("datasources: {id: x}"))
                .isInstanceOf(InvalidDataSourcesException.class).hasMessageContaining("datasources: must be a list");
    }

    @Test
    void a_huge_file_is_refused_without_being_parsed() {
        String huge = "# " + "x".repeat(DataSourcesFile.MAX_BYTES + 1);

        assertThatThrownBy(() -> parse(huge))
                .isInstanceOf(InvalidDataSourcesException.class).hasMessageContaining("is larger than");
    }

    @Test
    void a_refusal_never_shows_a_secret_value() {
        assertThatThrownBy(() -> parse("""
                datasources:
                  - {id: main, type: postgresql, connection: {host: db, password: "${SALES_DB_PASSWORD}", port: nope}}
                """))
                .isInstanceOf(InvalidDataSourcesException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-Pa55"));
    }
}
