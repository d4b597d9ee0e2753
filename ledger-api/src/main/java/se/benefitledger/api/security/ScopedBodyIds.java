package se.benefitledger.api.security;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Ids in request bodies are scoped like ids in paths: every id a body carries in a field named like
 * a {@link ScopedResource}'s path variable ({@code householdId}, {@code paymentId}, also inside
 * lists of records such as a settlement's {@code results}), or in a list named like it with an
 * {@code s} ({@code paymentIds}), must exist in the caller's municipality scope, else the request
 * is answered 404 exactly as for an unknown id, before any handler runs. A field added to a
 * request later is scoped by its name, without a check of its own.
 */
@ControllerAdvice
class ScopedBodyIds extends RequestBodyAdviceAdapter {

    private final Map<String, ScopedResource> resources;
    private final AccessControl access;
    private final Map<Class<?>, List<Component>> components = new ConcurrentHashMap<>();

    ScopedBodyIds(List<ScopedResource> resources, AccessControl access) {
        this.resources = resources.stream().collect(Collectors.toUnmodifiableMap(ScopedResource::pathVariable, Function.identity()));
        this.access = access;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage message, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        var named = new LinkedHashMap<ScopedResource, Set<UUID>>();
        collect(body, null, named);
        named.forEach((resource, ids) -> access.requireAllVisible(ids, resource.bulk().municipalitiesOf(ids), resource.description()));
        return body;
    }

    private void collect(Object value, String name, Map<ScopedResource, Set<UUID>> named) {
        if (value == null) {
            return;
        }
        if (value instanceof UUID id) {
            var resource = name == null ? null : resources.get(name);
            if (resource != null) {
                named.computeIfAbsent(resource, any -> new LinkedHashSet<>()).add(id);
            }
        } else if (value instanceof Collection<?> values) {
            String element = name != null && name.endsWith("s") ? name.substring(0, name.length() - 1) : null;
            values.forEach(each -> collect(each, element, named));
        } else if (value.getClass().isRecord()) {
            for (var component : components.computeIfAbsent(value.getClass(), ScopedBodyIds::componentsOf)) {
                collect(component.valueIn(value), component.name(), named);
            }
        }
    }

    /** The components of a record that can hold an id: UUIDs, collections and records; not amounts, texts or dates. */
    private static List<Component> componentsOf(Class<?> type) {
        return Arrays.stream(type.getRecordComponents())
                               .filter(component -> component.getType() == UUID.class || Collection.class.isAssignableFrom(component.getType())
                                       || component.getType().isRecord())
                               .map(Component::of)
                               .toList();
    }

    private record Component(String name, Method accessor) {
        static Component of(RecordComponent component) {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            return new Component(component.getName(), accessor);
        }

        Object valueIn(Object record) {
            try {
                return accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + name + " of a request", e);
            }
        }
    }
}
