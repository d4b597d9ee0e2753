package se.benefitledger.api.console;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The console's start page (its navigation shows the pages the user's roles open), the login form, and refusals. */
@Hidden
@Controller
@RequestMapping("/console")
class ConsoleController {

    @GetMapping
    String home() {
        return "console/home";
    }

    @GetMapping("/login")
    String login() {
        return "console/login";
    }

    /** Where Spring Security forwards a refused request (a role that may not, or a form without a valid CSRF token). */
    @RequestMapping("/forbidden")
    String forbidden(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "console/forbidden";
    }
}
