package io.flexboard.commandapi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The builder's write side: HTTP commands, Axon aggregates, the event store and the Kafka relay. */
@SpringBootApplication
public class CommandApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandApiApplication.class, args);
    }
}
