package cn.streetgov.workspace;

import cn.streetgov.security.CurrentUser;
import cn.streetgov.workspace.CaseViews.CaseItem;
import cn.streetgov.workspace.CaseViews.CasePage;
import cn.streetgov.workspace.CaseViews.CaseRecord;
import cn.streetgov.workspace.CaseViews.Diagram;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The officials' workspace over REST (the Tasklist plugin calls the same): 已办 and 我发起的, one case
 * (after a start: its number and where it went), its record and its diagram. Everything read-only;
 * refusals are 4xx with a Chinese {@code message}.
 */
@RestController
class WorkspaceController {

    private final CaseLists lists;
    private final CaseRecords records;
    private final CaseDiagrams diagrams;

    WorkspaceController(CaseLists lists, CaseRecords records, CaseDiagrams diagrams) {
        this.lists = lists;
        this.records = records;
        this.diagrams = diagrams;
    }

    @GetMapping("/api/cases/done")
    CasePage done(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, CurrentUser user) {
        return lists.done(user, q, state, page, size);
    }

    @GetMapping("/api/cases/started")
    CasePage started(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, CurrentUser user) {
        return lists.started(user, q, state, page, size);
    }

    @GetMapping("/api/cases/{processInstanceId}")
    CaseItem one(@PathVariable String processInstanceId, CurrentUser user) {
        return lists.one(user, processInstanceId);
    }

    @GetMapping("/api/cases/{processInstanceId}/record")
    CaseRecord record(@PathVariable String processInstanceId, CurrentUser user) {
        return records.record(user, processInstanceId);
    }

    @GetMapping("/api/cases/{processInstanceId}/diagram")
    Diagram diagram(@PathVariable String processInstanceId, CurrentUser user) {
        return diagrams.diagram(user, processInstanceId);
    }
}
