package se.benefitledger.api.statistics;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.benefitledger.api.input.InputBounds;
import se.benefitledger.api.pii.PiiAccessLog;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.api.problem.InvalidRequestException;
import se.benefitledger.api.report.CsvRows;
import se.benefitledger.api.security.AccessControl;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.statistics.StatisticsQueries;

import java.time.YearMonth;
import java.util.List;

/**
 * The monthly extract to Socialstyrelsen (HSLF-FS 2015:30: by the month the assistance is for, due
 * on the 15th of the next month), for the STATISTICS role. It carries personnummer, so every
 * applicant and co-applicant shown is in the access log.
 */
@RestController
@RequestMapping("/api/v1/exports")
class StatisticsExportController {

    private final AccessControl access;
    private final StatisticsQueries statistics;
    private final PiiVault vault;
    private final PiiAccessLog accessLog;

    StatisticsExportController(AccessControl access, StatisticsQueries statistics, PiiVault vault, PiiAccessLog accessLog) {
        this.access = access;
        this.statistics = statistics;
        this.vault = vault;
        this.accessLog = accessLog;
    }

    @GetMapping(path = "/socialstyrelsen", produces = "text/csv")
    ResponseEntity<String> socialstyrelsen(@RequestParam String municipality, @RequestParam String month) {
        if (!MunicipalityCode.isValid(municipality)) {
            throw new InvalidRequestException("municipality", "must be a Swedish municipality code, e.g. 0488");
        }
        MunicipalityCode code = MunicipalityCode.of(municipality);
        YearMonth benefitMonth;
        try {
            benefitMonth = InputBounds.month(month);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("month", e.getMessage());
        }
        access.requireMayActIn(code);
        var households = statistics.assistanceHouseholds(code, benefitMonth);
        var shown = households.stream()
                              .flatMap(household -> household.members().stream())
                              .filter(member -> member.role() != MemberRole.CHILD)
                              .map(HouseholdMember::personId)
                              .distinct()
                              .toList();
        var numbers = vault.personalIdentityNumbers(shown);
        accessLog.everyCall(numbers.keySet(), PiiAccessLog.Purpose.EXPORTED, access.actingRole().orElseThrow());
        List<SocialstyrelsenRow> rows = households.stream().map(household -> SocialstyrelsenRow.of(code, benefitMonth, household, numbers)).toList();
        return CsvRows.of(SocialstyrelsenRow.class, rows);
    }
}
