package io.flexboard.agent.sync;

import static io.flexboard.agent.support.PublishedConfigurations.publishedVersion;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

class MetadataValidatorTest {

    @Test
    void givenPublishedMetadata_whenValidated_thenItPasses() {
        assertThatCode(() -> MetadataValidator.validate(4, publishedVersion(4))).doesNotThrowAnyException();
    }

    @Test
    void givenMetadataOfAnotherVersionThanLatest_whenValidated_thenRefused() {
        assertThatThrownBy(() -> MetadataValidator.validate(5, publishedVersion(4)))
                .isInstanceOf(InvalidMetadataException.class)
                .hasMessageContaining("metadata.version: 4 is not latest_version 5");
    }

    @Test
    void givenMetadataWithoutDashboardsOrWidgets_whenValidated_thenEachMissingArrayIsNamed() {
        ObjectNode metadata = publishedVersion(4);
        metadata.remove("dashboards");
        metadata.put("widgets", "none");

        assertThatThrownBy(() -> MetadataValidator.validate(4, metadata))
                .hasMessageContaining("metadata.dashboards: missing or not an array")
                .hasMessageContaining("metadata.widgets: missing or not an array");
    }

    @Test
    void givenAWidgetWithoutAStringQueryAndWithAnUnknownType_whenValidated_thenBothFieldsAreNamed() {
        ObjectNode metadata = publishedVersion(4);
        ObjectNode widget = (ObjectNode) metadata.path("config").path("sales-by-month");
        widget.put("query", 42);
        widget.put("type", "hologram");

        assertThatThrownBy(() -> MetadataValidator.validate(4, metadata))
                .hasMessageContaining("metadata.config.sales-by-month.query: missing or not a string")
                .hasMessageContaining("metadata.config.sales-by-month.type: \"hologram\" is not one of [bar, kpi, line, pie, table]");
    }

    @Test
    void givenNoMetadataAtAll_whenValidated_thenRefused() {
        assertThatThrownBy(() -> MetadataValidator.validate(4, null)).hasMessageContaining("metadata: missing or not an object");
    }
}
