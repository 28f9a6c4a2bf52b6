package io.flexboard.projector;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Consumes the events topic and keeps the read models in PostgreSQL up to date. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProjectorApplication {

    /** Avro 1.12 refuses to instantiate generated classes from packages it was not told to trust. */
    static final String AVRO_TRUSTED_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";

    public static void main(String[] args) {
        if (System.getProperty(AVRO_TRUSTED_PACKAGES) == null) {
            System.setProperty(AVRO_TRUSTED_PACKAGES, "io.flexboard.schemas");
        }
        SpringApplication.run(ProjectorApplication.class, args);
    }
}
