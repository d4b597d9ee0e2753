package se.benefitledger.api.console;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import se.benefitledger.api.admin.ProjectionAdmin;

/** The report projections for operations: status, position and lag, the event one fails on, and its dead letters. */
@Hidden
@Controller
@RequestMapping("/console/projections")
class ProjectionPages {

    private final ProjectionAdmin admin;

    ProjectionPages(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    String projections(Model model) {
        model.addAttribute("projections", admin.statuses());
        return "console/projections";
    }
}
