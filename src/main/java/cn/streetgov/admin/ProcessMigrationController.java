package cn.streetgov.admin;

import cn.streetgov.common.ForbiddenException;
import cn.streetgov.security.CurrentUser;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/process-migrations}: moves the running cases of one version of a process to
 * another (by default the latest), or, with {@code dryRun}, tells what would move. Administrators only.
 */
@RestController
class ProcessMigrationController {

    static final String ADMINS_ONLY = "迁移运行中的案件仅限系统管理员（camunda-admin）";

    private final ProcessMigrations migrations;

    ProcessMigrationController(ProcessMigrations migrations) {
        this.migrations = migrations;
    }

    @PostMapping("/api/admin/process-migrations")
    ProcessMigrations.Result migrate(@RequestBody ProcessMigrations.Request request, CurrentUser user) {
        if (user == null || !user.isAdmin()) {
            throw new ForbiddenException(ADMINS_ONLY);
        }
        return migrations.migrate(request, user);
    }
}
