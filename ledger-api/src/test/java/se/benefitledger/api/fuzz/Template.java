package se.benefitledger.api.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Users;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One valid request of the contract, before it is sent or mutated.
 *
 * @param body      the JSON body of a POST, null for a GET
 * @param query     the query parameters of a GET, in order
 * @param optional  body fields (by name) that may be left out or null
 * @param scope     how a user who may not see the request's objects is answered
 * @param expect    what the ledger must answer this request as it is
 * @param accepted  what the model learns when the ledger accepts it
 */
record Template(String operation, Users user, String method, String path, ObjectNode body, Map<String, String> query,
                Set<String> optional, Scope scope, Expectation expect, Consumer<Http.Response> accepted) {

    /** How a request acting on objects of a municipality the user may not see is answered. */
    enum Scope {
        /** the request names objects by id: 404, as if they did not exist */
        BY_ID,
        /** the request names the municipality itself: 403 */
        BY_MUNICIPALITY,
        /** the request is not about one municipality's objects */
        NONE
    }

    static Template post(String operation, Users user, String path, ObjectNode body, Set<String> optional, Scope scope,
                         Expectation expect, Consumer<Http.Response> accepted) {
        return new Template(operation, user, "POST", path, body, Map.of(), optional, scope, expect, accepted);
    }

    static Template get(String operation, Users user, String path, Map<String, String> query, Scope scope) {
        return new Template(operation, user, "GET", path, null, new LinkedHashMap<>(query), Set.of(), scope, Expectation.SUCCESS,
                response -> {
                });
    }

    Template as(Users other) {
        return new Template(operation, other, method, path, body, query, optional, scope, expect, accepted);
    }

    Template at(String otherPath) {
        return new Template(operation, user, method, otherPath, body, query, optional, scope, expect, accepted);
    }
}
