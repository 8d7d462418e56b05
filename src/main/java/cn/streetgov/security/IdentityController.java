package cn.streetgov.security;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-synchronises Camunda's identity from the organisation model on demand (after the model was
 * changed outside the application, e.g. by an import). Administrators only.
 */
@RestController
class IdentityController {

    private final IdentitySynchronizer synchronizer;

    IdentityController(IdentitySynchronizer synchronizer) {
        this.synchronizer = synchronizer;
    }

    @PostMapping("/api/admin/identity/sync")
    IdentitySynchronizer.Result synchronize(CurrentUser user) {
        user.requireAnyGroup(CurrentUser.ADMIN);
        return synchronizer.synchronize();
    }
}
