package se.benefitledger.api.bulk;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Bulk commands in parts: how far each got, and finishing one now instead of at the next resume. */
@RestController
@RequestMapping("/api/v1/admin/bulk-commands")
class BulkCommandController {

    private final BulkCommands bulk;

    BulkCommandController(BulkCommands bulk) {
        this.bulk = bulk;
    }

    record BulkCommandList(List<BulkCommandView> items) {
    }

    /** The 100 most recent. */
    @GetMapping
    BulkCommandList list() {
        return new BulkCommandList(bulk.list());
    }

    /** Accepted: a RUNNING command's remaining parts run in the background. */
    @PostMapping("/{commandId}/resume")
    @ResponseStatus(HttpStatus.ACCEPTED)
    BulkCommandView resume(@PathVariable UUID commandId) {
        return bulk.resume(commandId);
    }
}
