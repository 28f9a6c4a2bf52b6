package io.flexboard.agent.data.source;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of data source an agent reads, named as in {@code datasources.yml}. */
public enum DataSourceType {
    SQLSERVER("sqlserver", Family.SQL),
    POSTGRESQL("postgresql", Family.SQL),
    MYSQL("mysql", Family.SQL),
    MONGODB("mongodb", Family.SQL),
    REST_API("rest_api", Family.API),
    CSV("csv", Family.FILE),
    EXCEL("excel", Family.FILE);

    /**
     * A widget's {@code dataSource.type}: {@code sql} reads with a query (SQL, or a MongoDB command),
     * {@code api} with an endpoint, {@code file} with a file name.
     */
    public enum Family {
        SQL("sql"), API("api"), FILE("file");

        private final String yamlName;

        Family(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    private final String yamlName;
    private final Family family;

    DataSourceType(String yamlName, Family family) {
        this.yamlName = yamlName;
        this.family = family;
    }

    public String yamlName() {
        return yamlName;
    }

    public Family family() {
        return family;
    }

    public static Optional<DataSourceType> fromYaml(String name) {
        return Arrays.stream(values()).filter(type -> type.yamlName.equals(name)).findFirst();
    }
}
