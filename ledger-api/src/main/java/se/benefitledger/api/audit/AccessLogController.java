package se.benefitledger.api.audit;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.benefitledger.api.pii.PiiAccessLog;
import se.benefitledger.api.pii.PiiVault;
import se.benefitledger.api.problem.InvalidRequestException;
import se.benefitledger.api.report.CsvRows;
import se.benefitledger.api.security.CurrentUser;
import se.benefitledger.api.web.PageRequest;
import se.benefitledger.api.web.PageResponse;
import se.benefitledger.core.shared.PersonalIdentityNumber;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who saw whose personal data: the access log for auditors, by subject (personnummer or subject id) or by actor,
 * within {@code [from, to)}. Looking a person up by personnummer here is itself logged.
 */
@RestController
@RequestMapping("/api/v1/audit/access-log")
class AccessLogController {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final int MAX_ACTOR_LENGTH = 255;

    private final AccessLogQueries log;
    private final PiiVault vault;
    private final PiiAccessLog accessLog;

    AccessLogController(AccessLogQueries log, PiiVault vault, PiiAccessLog accessLog) {
        this.log = log;
        this.vault = vault;
        this.accessLog = accessLog;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    PageResponse<AccessLogEntry> entries(@RequestParam(required = false) String subjectPersonalIdentityNumber,
                                         @RequestParam(required = false) UUID subjectId, @RequestParam(required = false) String actor,
                                         @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var request = new PageRequest(page, size);
        if (subjectPersonalIdentityNumber == null && subjectId == null && actor == null) {
            throw new InvalidRequestException("subjectPersonalIdentityNumber", "name a subject (subjectPersonalIdentityNumber or subjectId) or an actor");
        }
        if (subjectPersonalIdentityNumber != null && subjectId != null) {
            throw new InvalidRequestException("subjectId", "give either subjectPersonalIdentityNumber or subjectId, not both");
        }
        if (actor != null && (actor.isBlank() || actor.length() > MAX_ACTOR_LENGTH)) {
            throw new InvalidRequestException("actor", "must be 1 to " + MAX_ACTOR_LENGTH + " characters");
        }
        Instant start = instant("from", from, Instant.EPOCH);
        Instant end = to == null ? Instant.now().plusSeconds(1) : instant("to", to, null);
        if (!end.isAfter(start)) {
            throw new InvalidRequestException("to", "must be after from");
        }
        UUID subject = subjectId;
        if (subjectPersonalIdentityNumber != null) {
            Optional<UUID> person = vault.findPerson(number(subjectPersonalIdentityNumber));
            if (person.isEmpty()) {
                return new PageResponse<>(List.of(), request.page(), request.size(), 0);
            }
            subject = person.get();
            accessLog.shown(PiiAccessLog.SubjectKind.PERSON, List.of(subject), PiiAccessLog.Purpose.LOOKED_UP_BY_PERSONNUMMER);
        }
        var found = log.find(new AccessLogQueries.Filter(subject, actor, start, end, CurrentUser.require().scope()), request.offset(),
                request.size());
        return new PageResponse<>(found.items(), request.page(), request.size(), found.total());
    }

    @GetMapping(produces = "text/csv")
    ResponseEntity<String> entriesCsv(@RequestParam(required = false) String subjectPersonalIdentityNumber,
                                      @RequestParam(required = false) UUID subjectId, @RequestParam(required = false) String actor,
                                      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return CsvRows.of(AccessLogEntry.class, entries(subjectPersonalIdentityNumber, subjectId, actor, from, to, page, size).items());
    }

    private static PersonalIdentityNumber number(String text) {
        try {
            return PersonalIdentityNumber.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("subjectPersonalIdentityNumber", "is not a valid personnummer or samordningsnummer");
        }
    }

    /** An instant ({@code 2026-03-01T10:00:00Z}) or a date, meaning its start in Sweden. */
    private static Instant instant(String field, String text, Instant absent) {
        if (text == null) {
            return absent;
        }
        try {
            if (text.length() == 10) {
                var date = LocalDate.parse(text);
                if (date.getYear() < 2000 || date.getYear() > 2099) {
                    throw new InvalidRequestException(field, "must be between 2000-01-01 and 2099-12-31");
                }
                return date.atStartOfDay(SWEDEN).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a date (2026-03-01) or an ISO-8601 instant in UTC");
        }
    }
}
