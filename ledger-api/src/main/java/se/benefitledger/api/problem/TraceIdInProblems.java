package se.benefitledger.api.problem;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

import java.io.IOException;

/**
 * Every problem detail carries the trace id of the request that got it ({@code traceId}), the
 * same id its log lines carry. One mechanism for all of them: the problem is stamped as it is
 * written, whether by a controller advice, Spring MVC or a filter (authentication, idempotency).
 */
@Configuration(proxyBeanMethods = false)
class TraceIdInProblems {

    @Bean
    Module traceIdInProblemDetails(ObjectProvider<Tracer> tracer) {
        var module = new SimpleModule("trace-id-in-problem-details");
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            @SuppressWarnings("unchecked")
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description, JsonSerializer<?> serializer) {
                return ProblemDetail.class.isAssignableFrom(description.getBeanClass())
                        ? new Stamped((JsonSerializer<ProblemDetail>) serializer, tracer) : serializer;
            }
        });
        return module;
    }

    /** Wraps Jackson's own serializer of the problem, and passes its resolution and contextualisation on. */
    private static final class Stamped extends StdSerializer<ProblemDetail> implements ResolvableSerializer, ContextualSerializer {

        private final JsonSerializer<ProblemDetail> written;
        private final ObjectProvider<Tracer> tracer;

        Stamped(JsonSerializer<ProblemDetail> written, ObjectProvider<Tracer> tracer) {
            super(ProblemDetail.class);
            this.written = written;
            this.tracer = tracer;
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (written instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) throws JsonMappingException {
            return written instanceof ContextualSerializer contextual
                    ? new Stamped((JsonSerializer<ProblemDetail>) contextual.createContextual(provider, property), tracer) : this;
        }

        @Override
        public void serialize(ProblemDetail problem, JsonGenerator json, SerializerProvider provider) throws IOException {
            var current = tracer.getIfAvailable();
            var span = current == null ? null : current.currentSpan();
            if (span != null && (problem.getProperties() == null || !problem.getProperties().containsKey("traceId"))) {
                problem.setProperty("traceId", span.context().traceId());
            }
            written.serialize(problem, json, provider);
        }
    }
}
