package se.benefitledger.api.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.benefitledger.api.web.PageRequest;
import se.benefitledger.api.web.PageResponse;

import java.util.List;

@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionAdminController {

    private final ProjectionAdmin admin;
    private final DeadLetters deadLetters;

    ProjectionAdminController(ProjectionAdmin admin, DeadLetters deadLetters) {
        this.admin = admin;
        this.deadLetters = deadLetters;
    }

    record Projections(List<ProjectionStatus> items) {
    }

    record Eviction(@NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping
    Projections list() {
        return new Projections(admin.statuses());
    }

    /** Accepted: the projection is reset and replays from the first event in the background. */
    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProjectionStatus rebuild(@PathVariable String name) {
        return admin.rebuild(name);
    }

    /** The events waiting in the projection's dead-letter queue, oldest first. */
    @GetMapping("/{name}/dead-letters")
    PageResponse<DeadLetters.Letter> deadLetters(@PathVariable String name, @RequestParam(defaultValue = "0") int page,
                                                 @RequestParam(defaultValue = "50") int size) {
        var request = new PageRequest(page, size);
        return new PageResponse<>(deadLetters.list(name, request.offset(), request.size()), request.page(), request.size(),
                deadLetters.count(name));
    }

    /** Handles the letter's sequence again (after a fix); {@code succeeded} false: it still fails, or the letter is not first in its sequence. */
    @PostMapping("/{name}/dead-letters/{id}/retry")
    DeadLetters.RetryResult retry(@PathVariable String name, @PathVariable String id) {
        return deadLetters.retry(name, id);
    }

    /** Drops the letter for good, logged with the actor and the reason. */
    @PostMapping("/{name}/dead-letters/{id}/evict")
    DeadLetters.Letter evict(@PathVariable String name, @PathVariable String id, @Valid @RequestBody Eviction eviction) {
        return deadLetters.evict(name, id, eviction.reason());
    }
}
