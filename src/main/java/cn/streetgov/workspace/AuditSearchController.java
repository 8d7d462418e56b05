package cn.streetgov.workspace;

import cn.streetgov.common.BusinessException;
import cn.streetgov.security.CurrentUser;
import cn.streetgov.workspace.CaseViews.CaseItem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' search (审计查询) over REST and its page {@code /app/audit}, for auditors and
 * administrators; read-only. The page opens a case's audit trail, chain check and CSV
 * ({@code /api/audit/…}), its diagram ({@code /api/cases/{id}/diagram}) and its printable form.
 */
@RestController
class AuditSearchController {

    static final String PAGE = "audit/audit.html";

    private final AuditSearch search;

    AuditSearchController(AuditSearch search) {
        this.search = search;
    }

    @GetMapping("/api/audit/cases")
    AuditSearch.AuditPage cases(@RequestParam(required = false) String caseNo, @RequestParam(required = false) String processKey,
            @RequestParam(required = false) String orgCode, @RequestParam(required = false) String userId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String dates, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, CurrentUser user) {
        return search.search(user,
                new AuditSearch.Filters(caseNo, processKey, orgCode, userId, from, to, dates, outcome, state), page, size);
    }

    @GetMapping("/api/audit/cases/options")
    AuditSearch.Options options(CurrentUser user) {
        return search.options(user);
    }

    @GetMapping("/api/audit/by-case-no/{caseNo}")
    CaseItem byCaseNo(@PathVariable String caseNo, CurrentUser user) {
        return search.byCaseNo(user, caseNo);
    }

    @GetMapping("/app/audit")
    ResponseEntity<String> page(CurrentUser user) {
        try {
            AuditSearch.requireAuditor(user);
        } catch (BusinessException e) {
            return AppPages.refusal(e);
        }
        return AppPages.resource(PAGE);
    }
}
