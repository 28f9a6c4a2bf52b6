package io.flexboard.projector;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Consumes the events topic and keeps the read models in PostgreSQL up to date. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProjectorApplication {

    public static void main(String[] args) {
        // Avro's class trust is registered by the schemas module's EventCodec itself.
        SpringApplication.run(ProjectorApplication.class, args);
    }
}
