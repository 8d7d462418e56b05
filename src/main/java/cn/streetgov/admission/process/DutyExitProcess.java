package cn.streetgov.admission.process;

import cn.streetgov.admission.domain.DutyExits;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.OutcomeLabels;
import cn.streetgov.casework.ProcessStarters;
import cn.streetgov.casework.TaskDecisions;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Process {@code duty-exit} (履职事项退出): a street/town hands back a duty of its list that it cannot
 * carry; the department that guides the duty gives its opinion; 区委编办 decides; an approved
 * hand-back takes the duty off the list in a new list version.
 */
@Component(DutyExitProcess.BEAN)
public class DutyExitProcess implements TaskDecisions, ProcessStarters, OutcomeLabels {

    public static final String KEY = "duty-exit";
    public static final String BEAN = "dutyExitProcess";

    /** Element ids of processes/duty-exit.bpmn. */
    public static final class Elements {
        public static final String START = "startEvent_exitRequested";
        public static final String DEPT_OPINION = "userTask_giveDeptExitOpinion";
        public static final String DECIDE = "userTask_decideExit";
        public static final String DECISION_GATEWAY = "gateway_exitDecision";
        public static final String REMOVE = "serviceTask_removeDuty";
        public static final String EXITED = "endEvent_dutyExited";
        public static final String REJECTED = "endEvent_exitRejected";

        private Elements() {
        }
    }

    /** Variable names. */
    public static final class Vars {
        // start
        public static final String ORG_CODE = "orgCode";
        public static final String DUTY_CODE = "dutyCode";
        public static final String EXIT_REASON = "exitReason";
        // set at start
        public static final String CASE_ID = "caseId";
        public static final String CASE_NO = "caseNo";
        public static final String DEPT_CODE = "deptCode";
        public static final String DUTY_NAME = "dutyName";
        // decisions
        public static final String DEPT_OPINION = "deptOpinion";
        public static final String DEPT_OPINION_COMMENT = "deptOpinionComment";
        public static final String EXIT_DECISION = "exitDecision";
        public static final String EXIT_COMMENT = "exitComment";
        // result
        public static final String OUTCOME = "outcome";

        private Vars() {
        }
    }

    public static final String AGREE = "AGREE";
    public static final String DISAGREE = "DISAGREE";

    public static final String OUTCOME_EXITED = "EXITED";
    public static final String OUTCOME_REJECTED = "REJECTED";

    private final OrgDirectory org;
    private final AdmissionProperties properties;

    DutyExitProcess(OrgDirectory org, AdmissionProperties properties) {
        this.org = org;
        this.properties = properties;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public Map<String, String> outcomeLabels() {
        return Map.of(OUTCOME_EXITED, "已退出", OUTCOME_REJECTED, "不同意退出");
    }

    /** Street/town committees and offices (for their own street/town only: checked at start). */
    @Override
    public Set<String> starterGroups() {
        Set<String> groups = new TreeSet<>(org.groupsOf(PostRole.STREET_COMMITTEE));
        groups.addAll(org.groupsOf(PostRole.STREET_OFFICE));
        return groups;
    }

    @Override
    public Set<String> startVariables() {
        return Set.of(Vars.ORG_CODE, Vars.DUTY_CODE, Vars.EXIT_REASON);
    }

    @Override
    public Map<String, TaskDecision> byTask() {
        Map<String, TaskDecision> tasks = new LinkedHashMap<>();
        tasks.put(Elements.DEPT_OPINION, TaskDecision.of(Vars.DEPT_OPINION, Vars.DEPT_OPINION_COMMENT)
                .choice("部门意见", AGREE, "同意退出", DISAGREE, "不同意退出")
                .reasonUnless("不同意退出的理由", AGREE)
                .rejecting(DISAGREE));
        tasks.put(Elements.DECIDE, TaskDecision.of(Vars.EXIT_DECISION, Vars.EXIT_COMMENT)
                .choice("编办决定", DutyExits.APPROVE, "同意退出", DutyExits.REJECT, "不同意退出")
                .reasonUnless("不同意退出的理由", DutyExits.APPROVE)
                .rejecting(DutyExits.REJECT));
        return tasks;
    }

    /** Due date of the department's opinion (app.admission.dept-opinion-days). */
    public Date deptOpinionDue() {
        return CaseClock.inDays(properties.deptOpinionDays());
    }

    /** Due date of 编办's decision (app.admission.decision-days). */
    public Date decisionDue() {
        return CaseClock.inDays(properties.decisionDays());
    }
}
