package cn.streetgov.whistle.process;

import cn.streetgov.casework.ApprovalPolicy;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.Department;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.whistle.domain.CaseStatus;
import cn.streetgov.whistle.domain.WhistleCaseService;
import cn.streetgov.whistle.process.WhistleProcess.Elements;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The approval operations of {@code whistle-dispatch}: a closed whistle cannot be reopened by a
 * return; a department report or the joint handling that is returned gets its time limit again
 * (the report deadline timer and the due dates read these variables) and the department's report
 * is due again; while the departments report, the street may summon one more department (加签 in
 * parallel: one more report of the multi-instance step) and remove it again before it reported.
 */
@Component
class WhistleApprovalPolicy implements ApprovalPolicy {

    private final WhistleCaseService cases;
    private final OrgDirectory org;

    WhistleApprovalPolicy(WhistleCaseService cases, OrgDirectory org) {
        this.cases = cases;
        this.org = org;
    }

    @Override
    public String processKey() {
        return WhistleProcess.KEY;
    }

    @Override
    public Set<String> pointsOfNoReturn() {
        return Set.of(Elements.CLOSE);
    }

    @Override
    public Map<String, Object> beforeReopening(String taskKey, Map<String, Object> variables) {
        Map<String, Object> refreshed = new LinkedHashMap<>();
        // whole seconds: the engine keeps due dates and timers without milliseconds on MariaDB/MySQL
        LocalDateTime now = CaseClock.now().truncatedTo(ChronoUnit.SECONDS);
        if (Elements.REPORT.equals(taskKey) && variables.get(Vars.REPORT_MINUTES) instanceof Number minutes) {
            LocalDateTime deadline = now.plusMinutes(minutes.longValue());
            refreshed.put(Vars.REPORT_DEADLINE, CaseClock.toDate(deadline));
            refreshed.put(Vars.REPORT_DEADLINE_TEXT, ApplyWhistleSlaDelegate.DISPLAY.format(deadline));
        }
        if (Elements.HANDLE.equals(taskKey) && variables.get(Vars.HANDLING_MINUTES) instanceof Number minutes
                && variables.get(Vars.HANDLING_DEADLINE) instanceof Date due
                && !due.toInstant().isAfter(CaseClock.instant())) {
            LocalDateTime deadline = now.plusMinutes(minutes.longValue());
            refreshed.put(Vars.HANDLING_DEADLINE, CaseClock.toDate(deadline));
            refreshed.put(Vars.HANDLING_DEADLINE_TEXT, ApplyWhistleSlaDelegate.DISPLAY.format(deadline));
        }
        return refreshed;
    }

    @Override
    public void reopened(String reopenedTaskKey, Object element, Map<String, Object> variables) {
        if (!(variables.get(Vars.CASE_ID) instanceof Number caseId)) {
            return;
        }
        switch (reopenedTaskKey) {
            case Elements.REPORT -> {
                if (element != null && variables.get(Vars.REPORT_DEADLINE) instanceof Date deadline) {
                    cases.reopenReport(caseId.longValue(), element.toString(), CaseClock.toLocal(deadline));
                }
            }
            case Elements.HANDLE -> cases.reopened(caseId.longValue(), CaseStatus.HANDLING);
            case Elements.CONFIRM -> cases.reopened(caseId.longValue(), CaseStatus.CONFIRMING);
            case Elements.FOLLOW_UP -> cases.reopened(caseId.longValue(), CaseStatus.FOLLOW_UP);
            default -> {
                // nothing else of the case depends on where it stands
            }
        }
    }

    /** The officials of the departments not summoned yet (their own group, or their agency in the street). */
    @Override
    public Set<String> parallelGroups(String taskKey, Map<String, Object> variables) {
        Set<String> groups = new LinkedHashSet<>();
        if (!Elements.REPORT.equals(taskKey) || !(variables.get(Vars.CASE_ID) instanceof Number caseId)) {
            return groups;
        }
        Set<String> summoned = Set.copyOf(cases.summonedDepartments(caseId.longValue()));
        String orgCode = (String) variables.get(Vars.ORG_CODE);
        for (Department department : org.departments()) {
            if (!summoned.contains(department.getCode())) {
                groups.add(PostRole.DEPARTMENT.groupId(department.getCode()));
                org.findAgency(orgCode, department.getCode())
                        .ifPresent(agency -> groups.add(PostRole.AGENCY.groupId(agency.getCode())));
            }
        }
        return groups;
    }

    @Override
    public Map<String, Object> addParallel(String taskKey, String userId, Set<String> userGroups,
            Map<String, Object> variables) {
        if (!Elements.REPORT.equals(taskKey) || !(variables.get(Vars.CASE_ID) instanceof Number caseId)
                || !(variables.get(Vars.REPORT_MINUTES) instanceof Number minutes)) {
            return Map.of();
        }
        String orgCode = (String) variables.get(Vars.ORG_CODE);
        Set<String> summoned = Set.copyOf(cases.summonedDepartments(caseId.longValue()));
        for (Department department : org.departments()) {
            String code = department.getCode();
            boolean member = userGroups.contains(PostRole.DEPARTMENT.groupId(code)) || org.findAgency(orgCode, code)
                    .map(agency -> userGroups.contains(PostRole.AGENCY.groupId(agency.getCode()))).orElse(false);
            if (member && !summoned.contains(code)) {
                LocalDateTime deadline = CaseClock.now().truncatedTo(ChronoUnit.SECONDS).plusMinutes(minutes.longValue());
                cases.summonAnother(caseId.longValue(), code, deadline);
                Map<String, Object> local = new LinkedHashMap<>();
                local.put(Vars.DEPT_CODE, code);
                local.put(Vars.REPORT_DEADLINE, CaseClock.toDate(deadline));
                local.put(Vars.REPORT_DEADLINE_TEXT, ApplyWhistleSlaDelegate.DISPLAY.format(deadline));
                return local;
            }
        }
        return Map.of();
    }

    @Override
    public void removeParallel(String taskKey, Object element, Map<String, Object> variables) {
        if (Elements.REPORT.equals(taskKey) && element != null && variables.get(Vars.CASE_ID) instanceof Number caseId) {
            cases.withdrawSummons(caseId.longValue(), element.toString());
        }
    }
}
