package se.benefitledger.api.household;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.api.problem.InvalidRequestException;
import se.benefitledger.api.problem.NotFoundException;
import se.benefitledger.core.household.CloseHouseholdCommand;
import se.benefitledger.core.household.HouseholdComposition;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.RegisterHouseholdCommand;
import se.benefitledger.core.shared.PersonalIdentityNumber;
import se.benefitledger.core.shared.StateConflict;
import se.benefitledger.projections.household.HouseholdQueries;
import se.benefitledger.projections.household.HouseholdView;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Registers and closes households. The vault entries, the command's events and the read model
 * rows are written in one transaction: a refused registration leaves nothing behind.
 */
@Service
class HouseholdService {

    private final CommandGateway commands;
    private final HouseholdQueries households;
    private final PiiVault vault;

    HouseholdService(CommandGateway commands, HouseholdQueries households, PiiVault vault) {
        this.commands = commands;
        this.households = households;
        this.vault = vault;
    }

    @Transactional
    public HouseholdView register(RegisterHouseholdRequest request) {
        validateComposition(request);
        var members = request.members().stream()
                             .map(member -> new HouseholdMember(vault.personIdFor(member.personalIdentityNumber()),
                                     member.role(), member.personalIdentityNumber().birthDate()))
                             .toList();
        var alreadyActive = households.personsInActiveHousehold(request.municipality(),
                members.stream().map(HouseholdMember::personId).toList());
        if (!alreadyActive.isEmpty()) {
            throw alreadyInActiveHousehold(request, members.stream().map(HouseholdMember::personId).toList().indexOf(alreadyActive.get(0)));
        }
        UUID householdId = UUID.randomUUID();
        try {
            commands.sendAndWait(new RegisterHouseholdCommand(householdId, request.municipality(), members));
        } catch (DuplicateKeyException raceLost) {
            // another registration made the same person active in this municipality a moment earlier
            throw alreadyInActiveHousehold(request, -1);
        }
        return households.find(householdId).orElseThrow();
    }

    @Transactional
    public HouseholdView close(UUID householdId, CloseHouseholdRequest request, Long expectedVersion) {
        commands.sendAndWait(new CloseHouseholdCommand(householdId, request.reason(), request.effectiveMonth(), expectedVersion));
        return households.find(householdId).orElseThrow(() -> new NotFoundException("household", householdId));
    }

    public Map<UUID, PersonalIdentityNumber> personalIdentityNumbers(HouseholdView household) {
        return vault.personalIdentityNumbers(household.members().stream().map(HouseholdView.Member::personId).toList());
    }

    public Optional<UUID> findPerson(PersonalIdentityNumber number) {
        return vault.findPerson(number);
    }

    private static void validateComposition(RegisterHouseholdRequest request) {
        var violations = HouseholdComposition.violations(request.members().stream().map(RegisterHouseholdRequest.Member::role).toList());
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("members", String.join("; ", violations));
        }
        var seen = new HashSet<PersonalIdentityNumber>();
        for (int i = 0; i < request.members().size(); i++) {
            if (!seen.add(request.members().get(i).personalIdentityNumber())) {
                throw new InvalidRequestException("members[" + i + "].personalIdentityNumber", "is already a member of this household");
            }
        }
    }

    private static StateConflict alreadyInActiveHousehold(RegisterHouseholdRequest request, int memberIndex) {
        String who = memberIndex >= 0 ? "members[" + memberIndex + "]" : "a member";
        return new StateConflict(who + " is already a member of another ACTIVE household in municipality "
                + request.municipality() + "; close that household first");
    }
}
