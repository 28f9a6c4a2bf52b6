package io.flexboard.commandapi.config;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The event store's DataSource, declared here rather than left to Boot: Axon's JDBC
 * auto-configuration is conditional on a DataSource bean but not ordered after Boot 4's
 * DataSource auto-configuration, and in the one-JVM local stack an R2DBC ConnectionFactory on the
 * classpath would stop Boot from creating one at all. Still bound to {@code spring.datasource.*}.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfig {

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource")
    DataSourceProperties dataSourceProperties() {
        return new DataSourceProperties();
    }

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    /** Axon runs each command and each relay batch in a transaction of this manager. */
    @Bean
    @Primary
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }
}
