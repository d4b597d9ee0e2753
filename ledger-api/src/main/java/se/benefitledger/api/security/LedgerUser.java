package se.benefitledger.api.security;

import java.util.List;

/** Who is calling: a name, roles (in the order configured) and the municipalities in scope. */
public record LedgerUser(String name, List<Role> roles, MunicipalityScope scope) {

    public LedgerUser {
        roles = List.copyOf(roles);
    }
}
