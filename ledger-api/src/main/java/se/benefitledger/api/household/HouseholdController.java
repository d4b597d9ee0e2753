package se.benefitledger.api.household;

import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import se.benefitledger.api.input.InputBounds;
import se.benefitledger.api.pii.PiiAccessLog;
import se.benefitledger.api.problem.InvalidRequestException;
import se.benefitledger.api.problem.NotFoundException;
import se.benefitledger.api.security.AccessControl;
import se.benefitledger.api.web.IfMatch;
import se.benefitledger.api.web.PageResponse;
import se.benefitledger.core.shared.PersonalIdentityNumber;
import se.benefitledger.projections.household.HouseholdQueries;
import se.benefitledger.projections.household.HouseholdView;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/households")
class HouseholdController {

    private final HouseholdService service;
    private final HouseholdQueries households;
    private final AccessControl access;
    private final PiiAccessLog accessLog;
    private final Clock clock;

    HouseholdController(HouseholdService service, HouseholdQueries households, AccessControl access, PiiAccessLog accessLog, Clock clock) {
        this.service = service;
        this.households = households;
        this.access = access;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<HouseholdResponse> register(@Valid @RequestBody RegisterHouseholdRequest request) {
        access.requireMayActIn(request.municipality());
        var household = service.register(request);
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(household.householdId()).toUri();
        return ResponseEntity.created(location).eTag(Long.toString(household.version())).body(render(household));
    }

    @GetMapping("/{householdId}")
    ResponseEntity<HouseholdResponse> get(@PathVariable UUID householdId) {
        var household = households.find(householdId).orElseThrow(() -> new NotFoundException("household", householdId));
        return ResponseEntity.ok().eTag(Long.toString(household.version())).body(render(household));
    }

    /** Households the person is or was a member of, among those the caller may see. */
    @GetMapping(params = "personalIdentityNumber")
    PageResponse<HouseholdResponse> findByPerson(@RequestParam String personalIdentityNumber) {
        PersonalIdentityNumber number;
        try {
            if (personalIdentityNumber.length() > InputBounds.MAX_PERSONAL_IDENTITY_NUMBER_CHARACTERS) {
                throw new IllegalArgumentException("must be 10 or 12 digits, optionally with '-' or '+' before the last four");
            }
            number = PersonalIdentityNumber.parse(personalIdentityNumber, clock);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("personalIdentityNumber", "is not a valid personnummer or samordningsnummer: " + e.getMessage());
        }
        var found = service.findPerson(number);
        found.ifPresent(personId -> accessLog.record(List.of(personId), PiiAccessLog.Purpose.LOOKED_UP_BY_PERSONNUMMER,
                access.actingRole().orElseThrow()));
        List<HouseholdResponse> items = found.map(households::findByPerson).orElse(List.of()).stream()
                                             .filter(household -> access.mayView(household.municipality()))
                                             .map(this::render)
                                             .toList();
        return new PageResponse<>(items, 0, Math.max(items.size(), 1), items.size());
    }

    @PostMapping("/{householdId}/closure")
    ResponseEntity<HouseholdResponse> close(@PathVariable UUID householdId, @Valid @RequestBody CloseHouseholdRequest request,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var household = service.close(householdId, request, IfMatch.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(Long.toString(household.version())).body(render(household));
    }

    private HouseholdResponse render(HouseholdView household) {
        var numbers = service.personalIdentityNumbers(household);
        boolean unmasked = access.seesPersonalIdentityNumbers();
        if (unmasked) {
            accessLog.record(numbers.keySet(), PiiAccessLog.Purpose.SHOWN_UNMASKED, access.actingRole().orElseThrow());
        }
        var members = household.members().stream()
                               .map(member -> {
                                   var number = numbers.get(member.personId());
                                   String shown = number == null ? null : unmasked ? number.digits() : number.masked();
                                   return new HouseholdResponse.Member(member.personId(), member.role(), member.birthDate(), shown);
                               })
                               .toList();
        var closure = household.closureReason() == null ? null
                : new HouseholdResponse.Closure(household.closureReason(), household.closureEffectiveMonth());
        return new HouseholdResponse(household.householdId(), household.municipality(), household.status(), household.version(),
                members, closure);
    }
}
