package se.benefitledger.api.household;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import se.benefitledger.api.problem.InvalidRequestException;
import se.benefitledger.api.problem.NotFoundException;
import se.benefitledger.api.web.PageResponse;
import se.benefitledger.core.shared.PersonalIdentityNumber;
import se.benefitledger.projections.household.HouseholdQueries;
import se.benefitledger.projections.household.HouseholdView;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/households")
class HouseholdController {

    private final HouseholdService service;
    private final HouseholdQueries households;

    HouseholdController(HouseholdService service, HouseholdQueries households) {
        this.service = service;
        this.households = households;
    }

    @PostMapping
    ResponseEntity<HouseholdResponse> register(@Valid @RequestBody RegisterHouseholdRequest request) {
        var household = service.register(request);
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(household.householdId()).toUri();
        return ResponseEntity.created(location).body(render(household));
    }

    @GetMapping("/{householdId}")
    ResponseEntity<HouseholdResponse> get(@PathVariable UUID householdId) {
        var household = households.find(householdId).orElseThrow(() -> new NotFoundException("household", householdId));
        return ResponseEntity.ok().eTag(Long.toString(household.version())).body(render(household));
    }

    @GetMapping(params = "personalIdentityNumber")
    PageResponse<HouseholdResponse> findByPerson(@RequestParam String personalIdentityNumber) {
        PersonalIdentityNumber number;
        try {
            number = PersonalIdentityNumber.parse(personalIdentityNumber);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("personalIdentityNumber", "is not a valid personnummer or samordningsnummer: " + e.getMessage());
        }
        List<HouseholdResponse> items = service.findByPerson(number).stream().map(this::render).toList();
        return new PageResponse<>(items, 0, Math.max(items.size(), 1), items.size());
    }

    @PostMapping("/{householdId}/closure")
    HouseholdResponse close(@PathVariable UUID householdId, @Valid @RequestBody CloseHouseholdRequest request) {
        if (households.find(householdId).isEmpty()) {
            throw new NotFoundException("household", householdId);
        }
        return render(service.close(householdId, request));
    }

    private HouseholdResponse render(HouseholdView household) {
        var numbers = service.personalIdentityNumbers(household);
        var members = household.members().stream()
                               .map(member -> new HouseholdResponse.Member(member.personId(), member.role(), member.birthDate(),
                                       numbers.containsKey(member.personId()) ? numbers.get(member.personId()).masked() : null))
                               .toList();
        var closure = household.closureReason() == null ? null
                : new HouseholdResponse.Closure(household.closureReason(), household.closureEffectiveMonth());
        return new HouseholdResponse(household.householdId(), household.municipality(), household.status(), household.version(),
                members, closure);
    }
}
