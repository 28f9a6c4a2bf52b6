package io.flexboard.infra.local.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void a_jdbc_url_becomes_the_same_place_as_an_r2dbc_url() {
        DatabaseUrl url = new DatabaseUrl("jdbc:postgresql://db.example:6543/flexboard", "app", "secret");

        assertThat(url.r2dbcUrl()).isEqualTo("r2dbc:postgresql://db.example:6543/flexboard");
    }

    @Test
    void a_missing_port_is_the_postgres_default() {
        assertThat(new DatabaseUrl("jdbc:postgresql://127.0.0.1/flexboard", null, null).r2dbcUrl())
                .isEqualTo("r2dbc:postgresql://127.0.0.1:5432/flexboard");
    }

    @Test
    void only_parameters_r2dbc_understands_the_same_way_are_kept() {
        DatabaseUrl url = new DatabaseUrl("jdbc:postgresql://h:5432/flexboard?sslmode=require&prepareThreshold=0", "u", "p");

        assertThat(url.r2dbcUrl()).isEqualTo("r2dbc:postgresql://h:5432/flexboard?sslmode=require");
    }

    @Test
    void a_url_without_host_means_localhost() {
        assertThat(new DatabaseUrl("jdbc:postgresql:flexboard", "u", "p").r2dbcUrl())
                .isEqualTo("r2dbc:postgresql://localhost:5432/flexboard");
    }

    @Test
    void the_maintenance_database_is_on_the_same_server() {
        DatabaseUrl url = new DatabaseUrl("jdbc:postgresql://h:5432/flexboard?sslmode=require", "u", "p");

        assertThat(url.database()).isEqualTo("flexboard");
        assertThat(url.withDatabase("postgres").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/postgres");
    }

    @Test
    void a_url_for_another_database_is_refused() {
        assertThatThrownBy(() -> new DatabaseUrl("jdbc:mysql://h/flexboard", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FLEXBOARD_DB_URL");
    }
}
