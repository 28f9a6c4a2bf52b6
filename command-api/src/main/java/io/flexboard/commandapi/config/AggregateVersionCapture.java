package io.flexboard.commandapi.config;

import java.util.List;
import java.util.function.BiFunction;

import io.flexboard.commandapi.api.CommandOutcome;
import io.flexboard.commandapi.api.Unchanged;
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
 * consistency token. Axon runs event dispatch interceptors when the unit of work prepares its
 * commit, after the handler returned, so the outcome reads the remembered sequence lazily; it is
 * the command's own unit of work, so the number is exact under concurrent commands. A command
 * that applied nothing answers {@link Unchanged} with the version its handler found.
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
            if (result instanceof Unchanged unchanged) {
                return new CommandOutcome(unchanged.result(), unchanged::aggregateVersion);
            }
            UnitOfWork<?> root = unitOfWork.root();
            return new CommandOutcome(result, () -> {
                Long sequence = root.getResource(LAST_SEQUENCE);
                if (sequence == null) {
                    throw new IllegalStateException("the command applied no event");
                }
                return sequence;
            });
        }
    }
}
