package io.flexboard.infra.local.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Database URLs and settings as logs and error messages show them: where, never the password. */
class RedactedTest {

    @Test
    void a_password_parameter_is_masked_and_the_rest_of_the_url_kept() {
        assertThat(Redacted.url("jdbc:postgresql://db:5432/flexboard?sslmode=require&password=s3cret&ApplicationName=x"))
                .isEqualTo("jdbc:postgresql://db:5432/flexboard?sslmode=require&password=***&ApplicationName=x");
    }

    @Test
    void an_ssl_key_password_and_a_first_parameter_are_masked_in_any_case() {
        assertThat(Redacted.url("jdbc:postgresql://db/f?PASSWORD=a&sslpassword=b"))
                .isEqualTo("jdbc:postgresql://db/f?PASSWORD=***&sslpassword=***");
    }

    @Test
    void a_password_in_the_user_info_is_masked() {
        assertThat(Redacted.url("r2dbc:postgresql://app:s3cret@db:5432/flexboard"))
                .isEqualTo("r2dbc:postgresql://app:***@db:5432/flexboard");
    }

    @Test
    void a_url_without_a_password_is_unchanged() {
        assertThat(Redacted.url("jdbc:postgresql://app@db:5432/flexboard?sslmode=require"))
                .isEqualTo("jdbc:postgresql://app@db:5432/flexboard?sslmode=require");
    }

    @Test
    void a_database_url_shows_itself_redacted_and_never_its_separate_password() {
        DatabaseUrl url = new DatabaseUrl("jdbc:postgresql://db/flexboard?password=s3cret", "app", "other-s3cret");

        assertThat(url.toString()).isEqualTo("jdbc:postgresql://db/flexboard?password=*** (user app)");
    }

    @Test
    void a_url_for_another_database_is_refused_without_its_password() {
        assertThatThrownBy(() -> new DatabaseUrl("jdbc:mysql://root:s3cret@h/flexboard?password=s3cret", "u", "p"))
                .hasMessageNotContaining("s3cret")
                .hasMessageContaining("jdbc:mysql://root:***@h/flexboard?password=***");
    }

    @Test
    void a_url_that_is_no_uri_is_refused_without_its_password_or_a_cause_repeating_it() {
        DatabaseUrl url = new DatabaseUrl("jdbc:postgresql://db/flex board?password=s3cret", "u", "p");

        assertThatThrownBy(url::r2dbcUrl)
                .hasMessageNotContaining("s3cret")
                .hasNoCause();
    }

    @Test
    void settings_show_neither_the_admin_token_nor_a_database_password() {
        Settings settings = new Settings(8080, "127.0.0.1", Path.of("data"), Optional.of("admin-s3cret"),
                Optional.of("jdbc:postgresql://db/f?password=url-s3cret"), "app", "db-s3cret", RouterLimits.DEFAULTS);

        assertThat(settings.toString()).doesNotContain("s3cret").contains("password=***", "adminToken=***");
    }
}
