package se.benefitledger.api.admin;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionAdminController {

    private final ProjectionAdmin admin;

    ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    record Projections(List<ProjectionStatus> items) {
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
}
