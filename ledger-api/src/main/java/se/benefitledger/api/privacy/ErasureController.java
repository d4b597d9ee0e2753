package se.benefitledger.api.privacy;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.api.problem.InvalidRequestException;
import se.benefitledger.api.problem.NotFoundException;
import se.benefitledger.api.web.PageRequest;
import se.benefitledger.api.web.PageResponse;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Erasure of a person's personal data, and the persons the retention rule makes due for it (ADMIN). */
@RestController
@RequestMapping("/api/v1/admin/erasures")
class ErasureController {

    /** ten or twelve digits, as a personnummer: the reason is recorded in an event, which never carries one */
    private static final Pattern PERSONNUMMER = Pattern.compile("(?<![0-9])(?:[0-9]{2})?[0-9]{6}[-+]?[0-9]{4}(?![0-9])");

    private final ErasureService erasures;
    private final RetentionQueries retention;
    private final PiiVault vault;

    ErasureController(ErasureService erasures, RetentionQueries retention, PiiVault vault) {
        this.erasures = erasures;
        this.retention = retention;
        this.vault = vault;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Erasure erase(@Valid @RequestBody ErasureRequest request) {
        if ((request.personalIdentityNumber() == null) == (request.personId() == null)) {
            throw new InvalidRequestException("personId", "give either personalIdentityNumber or personId");
        }
        if (PERSONNUMMER.matcher(request.reason()).find()) {
            throw new InvalidRequestException("reason", "must not contain a personnummer: the reason is kept in the ledger's history");
        }
        UUID personId = request.personId() != null ? request.personId()
                : vault.findPerson(request.personalIdentityNumber()).orElseThrow(() -> new NotFoundException("person", "with this personalIdentityNumber"));
        return erasures.erase(personId, request.reason().strip());
    }

    @GetMapping("/due")
    PageResponse<RetentionQueries.Due> due(@RequestParam String asOf, @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "50") int size) {
        var request = new PageRequest(page, size);
        var found = retention.due(date(asOf), request.offset(), request.size());
        return new PageResponse<>(found.items(), request.page(), request.size(), found.total());
    }

    private static LocalDate date(String text) {
        try {
            var date = LocalDate.parse(text);
            if (date.getYear() < 2000 || date.getYear() > 2099) {
                throw new InvalidRequestException("asOf", "must be between 2000-01-01 and 2099-12-31");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("asOf", "must be a date, e.g. 2031-12-31");
        }
    }
}
