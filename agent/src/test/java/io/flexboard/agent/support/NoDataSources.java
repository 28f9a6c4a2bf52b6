package io.flexboard.agent.support;

import io.flexboard.agent.data.connector.Connectors;
import io.flexboard.agent.data.source.DataSources;
import io.flexboard.agent.data.source.DataSourcesFile;
import io.flexboard.agent.data.widget.WidgetData;

import java.nio.file.Path;
import java.time.Clock;

/** A data plane with no data sources file, for tests of the configuration side of the local server. */
public final class NoDataSources {

    private NoDataSources() {
    }

    public static WidgetData widgetData() {
        DataSources sources = new DataSources(Path.of("/nonexistent/flexboard/datasources.yml"),
                new DataSourcesFile(name -> null), Connectors::open);
        sources.reload();
        return new WidgetData(sources, 100, 1, Clock.systemUTC());
    }
}
