package io.flexboard.agent.data.file;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.flexboard.agent.data.connector.Connector;
import io.flexboard.agent.data.connector.ConnectorException;
import io.flexboard.agent.data.connector.ConnectorException.Failure;
import io.flexboard.agent.data.connector.DataRequest;
import io.flexboard.agent.data.connector.QueryResult;
import io.flexboard.agent.data.source.DataSourceDefinition;
import io.flexboard.agent.data.source.DataSourceType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code csv} and {@code excel} data sources: files inside the directory {@code connection.url}
 * (absolute, or relative to the directory of {@code datasources.yml}). A widget names the file
 * ({@code dataSource.file}) and may give a file query ({@code dataSource.query}), a JSON object:
 *
 * <pre>{@code
 * {"sheet": "Sales",                                  // Excel only; default the first sheet
 *  "columns": ["region", "revenue"],                  // default every column, in the file's order
 *  "where": {"region": "{region}", "year": 2026,      // equality; an array accepts any of its values
 *            "status": ["open", "late"]},
 *  "sort": [{"field": "revenue", "order": "desc"}],   // order asc (default) or desc; empty cells last
 *  "limit": 100}                                      // at most this many rows, before the row cap
 * }</pre>
 *
 * A placeholder is a whole JSON string {@code "{name}"}, replaced by the parameter's value (a List accepts any
 * of its values); the query is data, never an expression. A value is compared by its column's type (a number
 * column matches {@code 12}, {@code 12.0} and {@code "12"} alike). An unknown key or column is refused naming it.
 *
 * <p>A file is parsed once per (path, last-modified time, size, sheet) and the typed table cached: widget
 * reads of an unchanged file filter the cached table. Files larger than 50 MiB are refused.
 */
public final class FileConnector implements Connector {

    static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
    /** Cached tables weigh their file's size; this bounds the memory one file data source holds. */
    private static final long CACHE_FILE_BYTES = 256L * 1024 * 1024;

    private record Version(Path file, FileTime modified, long size, String sheet) {
    }

    /** Carries a parse failure through the cache's loader, which may not throw a checked exception. */
    private static final class Unreadable extends RuntimeException {
        private final ConnectorException failure;

        Unreadable(ConnectorException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    private final DataSourceType type;
    private final DataFileLocator locator;
    private final Cache<Version, Table> tables = Caffeine.newBuilder()
            .maximumWeight(CACHE_FILE_BYTES)
            .weigher((Version version, Table table) -> (int) Math.min(Integer.MAX_VALUE, Math.max(1, version.size())))
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    private FileConnector(DataSourceDefinition definition) {
        this.type = definition.type();
        this.locator = new DataFileLocator(directory(definition), type == DataSourceType.CSV
                ? List.of(".csv") : List.of(".xlsx", ".xls"));
    }

    /** Remembers the directory; it is looked at on each read, so it may appear after the agent started. */
    public static FileConnector open(DataSourceDefinition definition) {
        return new FileConnector(definition);
    }

    private static Path directory(DataSourceDefinition definition) {
        String url = definition.connection().url();
        Path directory = Path.of(url == null || url.isBlank() ? "." : url);
        return directory.isAbsolute() ? directory : definition.baseDirectory().resolve(directory);
    }

    @Override
    public QueryResult read(DataRequest request) throws ConnectorException {
        FileQuery query = FileQuery.parse(request.query());
        if (query.sheet() != null && type != DataSourceType.EXCEL) {
            throw new ConnectorException(Failure.REFUSED, "the file query's \"sheet\" applies to Excel files only");
        }
        Path file = locator.locate(request.file());
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new ConnectorException(Failure.UNREACHABLE, "the file " + request.file() + " cannot be read");
        }
        if (attributes.size() > MAX_FILE_BYTES) {
            throw new ConnectorException(Failure.REFUSED, String.format(Locale.ROOT,
                    "the file %s is %.1f MiB, more than the %d MiB a widget may read", request.file(),
                    attributes.size() / (1024.0 * 1024), MAX_FILE_BYTES / (1024 * 1024)));
        }
        Version version = new Version(file, attributes.lastModifiedTime(), attributes.size(), query.sheet());
        Table table;
        try {
            table = tables.get(version, key -> parse(key, request.file()));
        } catch (Unreadable e) {
            throw e.failure;
        }
        return query.apply(table, request.file(), request.parameters(), request.maxRows());
    }

    private Table parse(Version version, String name) {
        try {
            return type == DataSourceType.CSV
                    ? CsvTable.read(version.file(), name)
                    : ExcelTable.read(version.file(), name, version.sheet());
        } catch (ConnectorException e) {
            throw new Unreadable(e);
        }
    }

    @Override
    public void close() {
        tables.invalidateAll();
    }
}
