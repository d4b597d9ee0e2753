package se.benefitledger.api.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer with the payload and metadata classes remembered by type name. Axon
 * 4.13 resolves the class of every payload and every metadata map it deserializes by name
 * ({@code TypeFactory.findClass}, i.e. {@code Class.forName}): 2.9 % of the JVM's samples in a
 * rebuild, and the ledger's event classes never change while it runs. Names that resolve to no
 * class are left to Axon, which remembers those itself.
 */
public final class ClassCachingJacksonSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    private ClassCachingJacksonSerializer(Builder builder) {
        super(builder);
    }

    public static ClassCachingJacksonSerializer of(ObjectMapper json) {
        return new ClassCachingJacksonSerializer(JacksonSerializer.builder().objectMapper(json));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> found = super.classForType(type);
        if (found != UnknownSerializedType.class) {
            classes.put(type.getName(), found);
        }
        return found;
    }
}
