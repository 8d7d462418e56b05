package cn.streetgov.whistle.process;

import cn.streetgov.casework.EscalationPolicy;
import cn.streetgov.org.domain.PostRole;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A late department report goes to the department's leadership {@code dept-{dept}} (docs/whistle.md;
 * the BPMN's report-deadline timer does that itself, so the sweep leaves the report task alone);
 * a joint handling past its deadline goes to the district ({@code district-government}, 区政府督办:
 * 全程跟踪督办, 003); the street office's own later steps (confirmation, follow-up) go to the street's
 * party (working) committee {@code street-committee-{org}}, which leads the office.
 */
@Component
class WhistleEscalationPolicy implements EscalationPolicy {

    @Override
    public String processKey() {
        return WhistleProcess.KEY;
    }

    @Override
    public String escalateTo(Task task, Map<String, Object> variables) {
        if (WhistleProcess.Elements.REPORT.equals(task.getTaskDefinitionKey())) {
            Object dept = variables.get(WhistleProcess.Vars.DEPT_CODE);
            return dept == null ? null : PostRole.DEPARTMENT.groupId(dept.toString());
        }
        if (WhistleProcess.Elements.HANDLE.equals(task.getTaskDefinitionKey())) {
            return PostRole.DISTRICT_GOVERNMENT.groupId(null);
        }
        Object org = variables.get(WhistleProcess.Vars.ORG_CODE);
        return org == null ? null : PostRole.STREET_COMMITTEE.groupId(org.toString());
    }
}
