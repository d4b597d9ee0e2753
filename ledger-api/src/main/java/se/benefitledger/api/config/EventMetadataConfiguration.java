package se.benefitledger.api.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.benefitledger.api.security.AccessControl;
import se.benefitledger.api.security.CurrentUser;
import se.benefitledger.api.web.LedgerRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Who, in which role, for which municipality, in which request: every command is stamped once, at
 * dispatch, from the HTTP request being served; Axon's correlation data providers copy the stamp
 * onto every event the command causes, with correlation and causation ids. Handlers never set
 * metadata by hand, and only commands cause messages ({@link CommandsOnly}).
 */
@Configuration(proxyBeanMethods = false)
public class EventMetadataConfiguration {

    public static final String ACTOR = "actor";
    public static final String ROLE = "role";
    public static final String MUNICIPALITY = "municipality";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String REQUEST_ID = "requestId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** Commands dispatched outside an HTTP request (the demo loader, tests) act as this actor unless they say otherwise. */
    public static final String SYSTEM = "system";

    /**
     * Axon names the direct cause's id its "correlation" key and the conversation's id its "trace"
     * key; here they are the causation id (the command's id) and the correlation id (the request's,
     * or the client's {@code X-Correlation-Id}).
     */
    @Bean
    static CorrelationDataProvider messageOrigin() {
        return new CommandsOnly(new MessageOriginProvider(CAUSATION_ID, CORRELATION_ID));
    }

    @Bean
    static CorrelationDataProvider requestMetadata() {
        return new CommandsOnly(new SimpleCorrelationDataProvider(ACTOR, ROLE, MUNICIPALITY, REQUEST_ID, IDEMPOTENCY_KEY));
    }

    @Autowired
    void stampCommands(CommandBus commandBus, AccessControl access) {
        commandBus.registerDispatchInterceptor(new RequestStamp(access));
    }

    /**
     * The stamp of the HTTP request being served, or outside a request the actor and role the
     * metadata names (else {@value #SYSTEM}). Work that outlives its request (a bulk command
     * finished after a restart) keeps this stamp and sends its later commands with it.
     */
    public static Map<String, Object> requestStamp(AccessControl access, Map<String, Object> metaData) {
        var stamp = new HashMap<String, Object>();
        var request = LedgerRequest.current();
        if (request.isEmpty()) {
            stamp.putIfAbsent(ACTOR, metaData.getOrDefault(ACTOR, SYSTEM));
            stamp.putIfAbsent(ROLE, metaData.getOrDefault(ROLE, SYSTEM));
            return stamp;
        }
        stamp.put(ACTOR, CurrentUser.get().map(user -> user.name()).orElse(SYSTEM));
        access.actingRole().ifPresent(role -> stamp.put(ROLE, role.name()));
        stamp.put(REQUEST_ID, request.get().requestId());
        stamp.put(CORRELATION_ID, request.get().correlationId());
        request.get().idempotencyKey().ifPresent(key -> stamp.put(IDEMPOTENCY_KEY, key));
        request.get().municipality().ifPresent(municipality -> stamp.put(MUNICIPALITY, municipality.code()));
        return stamp;
    }

    /**
     * Correlation data of commands only. Axon asks the providers in every unit of work, and an event processor's
     * makes a result message for each event it handles, whose correlation data decoded that event's metadata: a tenth of
     * the JVM's time in a rebuild, for a message nobody reads. Events cause no messages here (no event handler sends
     * any: {@code ModuleBoundariesTest}), so an event passes nothing on.
     */
    record CommandsOnly(CorrelationDataProvider delegate) implements CorrelationDataProvider {

        @Override
        public Map<String, ?> correlationDataFor(Message<?> message) {
            return message instanceof CommandMessage<?> ? delegate.correlationDataFor(message) : Map.of();
        }
    }

    private record RequestStamp(AccessControl access) implements MessageDispatchInterceptor<CommandMessage<?>> {

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, command) -> command.andMetaData(stamp(command));
        }

        private Map<String, Object> stamp(CommandMessage<?> command) {
            return requestStamp(access, command.getMetaData());
        }
    }
}
