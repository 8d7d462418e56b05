package cn.streetgov.workspace;

import cn.streetgov.common.BusinessException;
import cn.streetgov.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The printable approval form of a case (审批表) at {@code /app/cases/{processInstanceId}/print}, for
 * whoever may read the case's record; a refusal is a Chinese page.
 */
@RestController
class CasePrintController {

    private final CasePrint print;

    CasePrintController(CasePrint print) {
        this.print = print;
    }

    @GetMapping("/app/cases/{processInstanceId}/print")
    ResponseEntity<String> print(@PathVariable String processInstanceId, CurrentUser user) {
        try {
            return AppPages.html(HttpStatus.OK, print.page(user, processInstanceId));
        } catch (BusinessException e) {
            return AppPages.refusal(e);
        }
    }
}
