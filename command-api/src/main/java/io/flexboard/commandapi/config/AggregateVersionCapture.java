package io.flexboard.commandapi.config;

import java.util.List;
import java.util.function.BiFunction;

import io.flexboard.commandapi.api.CommandOutcome;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Wraps every command's result in a {@link CommandOutcome} carrying the sequence number of the
 * last event the command applied: the aggregate version the HTTP layer answers as ETag and
 * consistency token. The sequence is read as events are published inside the unit of work, so
 * it is exact even under concurrent commands.
 */
@Configuration(proxyBeanMethods = false)
class AggregateVersionCapture {

    private static final String LAST_SEQUENCE = AggregateVersionCapture.class.getName() + ".lastSequence";

    @Autowired
    void register(EventStore eventStore, CommandBus commandBus) {
        eventStore.registerDispatchInterceptor(new RememberLastSequence());
        commandBus.registerHandlerInterceptor(new WrapResult());
    }

    private static final class RememberLastSequence implements MessageDispatchInterceptor<EventMessage<?>> {
        @Override
        public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
            return (index, message) -> {
                if (message instanceof DomainEventMessage<?> domainEvent && CurrentUnitOfWork.isStarted()) {
                    CurrentUnitOfWork.get().root().resources().put(LAST_SEQUENCE, domainEvent.getSequenceNumber());
                }
                return message;
            };
        }
    }

    private static final class WrapResult implements MessageHandlerInterceptor<CommandMessage<?>> {
        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            Object result = chain.proceed();
            Long sequence = unitOfWork.root().getResource(LAST_SEQUENCE);
            return new CommandOutcome(result, sequence == null ? -1 : sequence);
        }
    }
}
