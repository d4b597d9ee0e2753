package se.benefitledger.api.security;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import se.benefitledger.api.problem.NotFoundException;
import se.benefitledger.api.web.LedgerRequest;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The municipality-scope rules, written once: an object of a municipality outside the caller's
 * scope does not exist for the caller (404); creating in, or reporting on, such a municipality is
 * forbidden (403). Each check also records the municipality the request acts in, for the events'
 * metadata.
 */
@Component
public class AccessControl {

    /** The object exists and the caller may see it; otherwise 404, whether it is unknown or foreign. */
    public void requireVisible(Optional<MunicipalityCode> municipality, String what, Object id) {
        if (municipality.isEmpty() || !CurrentUser.require().scope().includes(municipality.get())) {
            throw new NotFoundException(what, id);
        }
        actIn(municipality.get());
    }

    /**
     * Ids a request body names: each must exist and be visible to the caller, else 404 as for an
     * unknown id. Unlike an id in the path, they do not decide the municipality the request acts in.
     */
    public void requireAllVisible(Collection<UUID> ids, Map<UUID, MunicipalityCode> municipalities, String what) {
        var scope = CurrentUser.require().scope();
        for (UUID id : ids) {
            var municipality = municipalities.get(id);
            if (municipality == null || !scope.includes(municipality)) {
                throw new NotFoundException(what, id);
            }
        }
    }

    public void requireMayActIn(MunicipalityCode municipality) {
        if (!CurrentUser.require().scope().includes(municipality)) {
            throw new ForbiddenException("municipality " + municipality + " is outside your scope");
        }
        actIn(municipality);
    }

    public boolean mayView(MunicipalityCode municipality) {
        return CurrentUser.get().map(user -> user.scope().includes(municipality)).orElse(false);
    }

    /** The role the caller acts in for this request: its first role that the endpoint allows. */
    public Optional<Role> actingRole() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        return CurrentUser.get().flatMap(user -> EndpointPolicy.match(attributes.getRequest()).flatMap(entry -> entry.actingRole(user)));
    }

    public boolean seesPersonalIdentityNumbers() {
        return actingRole().map(Role::seesPersonalIdentityNumbers).orElse(false);
    }

    private static void actIn(MunicipalityCode municipality) {
        LedgerRequest.current().ifPresent(request -> request.actingIn(municipality));
    }
}
