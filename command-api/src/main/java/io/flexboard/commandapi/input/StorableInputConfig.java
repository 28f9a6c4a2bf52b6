package io.flexboard.commandapi.input;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Puts {@link StorableInput} in front of every command handler, whichever command carries the text. */
@Configuration(proxyBeanMethods = false)
class StorableInputConfig {

    @Autowired
    void register(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new StorableInput());
    }
}
