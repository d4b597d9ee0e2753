package se.benefitledger.api.household;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.api.problem.InvalidRequestException;
import se.benefitledger.api.problem.NotFoundException;
import se.benefitledger.core.household.AddMemberCommand;
import se.benefitledger.core.household.CloseHouseholdCommand;
import se.benefitledger.core.household.HouseholdComposition;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.RecordDepartureCommand;
import se.benefitledger.core.household.RegisterHouseholdCommand;
import se.benefitledger.core.shared.MunicipalityCode;
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
 * Registers households, changes their members and closes them. The vault entries, the command's events and the read model
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

    /** The rule of registration: a person is a member of at most one ACTIVE household per municipality. */
    @Transactional
    public HouseholdView addMember(UUID householdId, AddMemberRequest request, Long expectedVersion) {
        var municipality = households.municipalityOf(householdId).orElseThrow(() -> new NotFoundException("household", householdId));
        UUID personId = vault.personIdFor(request.personalIdentityNumber());
        boolean activeElsewhere = households.personsInActiveHousehold(municipality, List.of(personId)).contains(personId)
                && !households.isCurrentMember(householdId, personId);
        if (activeElsewhere) {
            throw joinerInActiveHousehold(municipality);
        }
        var member = new HouseholdMember(personId, request.role(), request.personalIdentityNumber().birthDate());
        try {
            commands.sendAndWait(new AddMemberCommand(householdId, member, request.fromMonth(), expectedVersion));
        } catch (DuplicateKeyException raceLost) {
            throw joinerInActiveHousehold(municipality);
        }
        return households.find(householdId).orElseThrow();
    }

    @Transactional
    public HouseholdView recordDeparture(UUID householdId, UUID personId, DepartureRequest request, Long expectedVersion) {
        if (!households.isOrWasMember(householdId, personId)) {
            throw new NotFoundException("member", personId);
        }
        commands.sendAndWait(new RecordDepartureCommand(householdId, personId, request.month(), expectedVersion));
        return households.find(householdId).orElseThrow();
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

    private static StateConflict joinerInActiveHousehold(MunicipalityCode municipality) {
        return new StateConflict("personalIdentityNumber is already a member of another ACTIVE household in municipality " + municipality
                + "; record the departure there first");
    }

    private static StateConflict alreadyInActiveHousehold(RegisterHouseholdRequest request, int memberIndex) {
        String who = memberIndex >= 0 ? "members[" + memberIndex + "]" : "a member";
        return new StateConflict(who + " is already a member of another ACTIVE household in municipality "
                + request.municipality() + "; close that household first");
    }
}
