package se.benefitledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Before any handler runs, every object named in the path ({@code /households/{householdId}/…})
 * must exist in the caller's municipality scope, else 404. Reads and writes alike pass here. A
 * POST (which runs in a transaction, see the idempotency filter) also locks the object's row until
 * it commits: commands on one object are serialised across requests and service nodes.
 */
@Component
class MunicipalityScopeInterceptor implements HandlerInterceptor {

    private final List<ScopedResource> resources;
    private final AccessControl access;

    MunicipalityScopeInterceptor(List<ScopedResource> resources, AccessControl access) {
        this.resources = resources;
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null) {
            return true;
        }
        for (var resource : resources) {
            String value = variables.get(resource.pathVariable());
            if (value != null) {
                UUID id;
                try {
                    id = UUID.fromString(value);
                } catch (IllegalArgumentException notAUuid) {
                    continue; // the handler's argument conversion answers 400
                }
                var lookup = "POST".equals(request.getMethod()) ? resource.lock() : resource.lookup();
                access.requireVisible(lookup.municipalityOf(id), resource.description(), id);
            }
        }
        return true;
    }
}
