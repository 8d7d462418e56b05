package cn.streetgov.startform;

import cn.streetgov.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/start-options/{processKey}} (login): what the caller's start form of the process
 * offers — the option lists by the {@code valuesKey} the form names, and the fields pre-chosen for
 * them. Tasklist receives the same inside the start form itself ({@link StartFormFilter}).
 */
@RestController
class StartOptionsController {

    private final StartOptions options;

    StartOptionsController(StartOptions options) {
        this.options = options;
    }

    @GetMapping("/api/start-options/{processKey}")
    StartOptions.FormOptions startOptions(CurrentUser user, @PathVariable String processKey) {
        return options.forUser(processKey, user);
    }
}
