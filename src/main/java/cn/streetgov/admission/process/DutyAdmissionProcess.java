package cn.streetgov.admission.process;

import cn.streetgov.admission.domain.DutyAdmissions;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.OutcomeLabels;
import cn.streetgov.casework.ProcessStarters;
import cn.streetgov.casework.TaskDecisions;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Process {@code duty-admission} (事权事务准入): a department applies to hand a duty or recurring
 * task to streets/towns; the negative list (DMN {@code duty-admission-check}) and the streets' lists
 * are checked; every target street's committee gives its opinion; 区委编办 decides; an admitted duty
 * goes on the list of every street that agreed. Its key, element ids, variable names, starters,
 * decisions and the helpers its expressions call ({@code ${dutyAdmissionProcess.…}}).
 */
@Component(DutyAdmissionProcess.BEAN)
public class DutyAdmissionProcess implements TaskDecisions, ProcessStarters, OutcomeLabels {

    public static final String KEY = "duty-admission";
    public static final String BEAN = "dutyAdmissionProcess";
    public static final String DECISION_CHECK = "duty-admission-check";

    /** Element ids of processes/duty-admission.bpmn. */
    public static final class Elements {
        public static final String START = "startEvent_admissionRequested";
        public static final String CHECK_NEGATIVE_LIST = "businessRuleTask_checkNegativeList";
        public static final String APPLY_CHECK = "serviceTask_applyAdmissionCheck";
        public static final String CHECK_RESULT = "gateway_checkResult";
        public static final String REFUSED_BY_RULES = "endEvent_refusedByRules";
        public static final String ALREADY_LISTED = "endEvent_alreadyListed";
        public static final String STREET_OPINION = "userTask_giveStreetOpinion";
        public static final String DECIDE = "userTask_decideAdmission";
        public static final String DECISION_GATEWAY = "gateway_admissionDecision";
        public static final String ADMIT = "serviceTask_admitDuty";
        public static final String ADMITTED = "endEvent_admitted";
        public static final String REFUSE = "serviceTask_refuseAdmission";
        public static final String REFUSED = "endEvent_refused";

        private Elements() {
        }
    }

    /** Variable names. */
    public static final class Vars {
        // start
        public static final String DEPT_CODE = "deptCode";
        public static final String DUTY_NAME = "dutyName";
        public static final String DUTY_DESCRIPTION = "dutyDescription";
        public static final String DUTY_CATEGORY = "dutyCategory";
        public static final String LEGAL_BASIS = "legalBasis";
        public static final String TARGET_ORG_CODES = "targetOrgCodes";
        public static final String STAFF_COUNT = "staffCount";
        public static final String FUNDS_WAN = "fundsWan";
        public static final String START_DATE = "startDate";
        public static final String REASON = "reason";
        // set at start and by the rules
        public static final String CASE_ID = "caseId";
        public static final String CASE_NO = "caseNo";
        public static final String DEPT_NAME = "deptName";
        public static final String CATEGORY_LABEL = "dutyCategoryLabel";
        public static final String ADMISSIBLE = "admissible";
        public static final String NEGATIVE_ITEM = "negativeItem";
        public static final String REFUSAL_REASON = "refusalReason";
        public static final String CHECK_RESULT = "checkResult";
        /** Element variable of the multi-instance opinion task: the street/town asked. */
        public static final String ORG_CODE = "orgCode";
        // decisions
        public static final String STREET_OPINION = "streetOpinion";
        public static final String STREET_OPINION_COMMENT = "streetOpinionComment";
        public static final String ADMISSION_DECISION = "admissionDecision";
        public static final String ADMISSION_COMMENT = "admissionComment";
        // result
        public static final String OUTCOME = "outcome";

        private Vars() {
        }
    }

    /** Values of {@code streetOpinion}. */
    public static final String AGREE = "AGREE";
    public static final String AGREE_WITH_CONDITIONS = "AGREE_WITH_CONDITIONS";
    public static final String DISAGREE = "DISAGREE";

    /** Results in {@code outcome}. */
    public static final String OUTCOME_ADMITTED = "ADMITTED";
    public static final String OUTCOME_REFUSED = "REFUSED";
    public static final String OUTCOME_REFUSED_BY_RULES = "REFUSED_BY_RULES";
    public static final String OUTCOME_ALREADY_LISTED = "ALREADY_LISTED";

    private final OrgDirectory org;
    private final DutyAdmissions admissions;
    private final AdmissionProperties properties;

    DutyAdmissionProcess(OrgDirectory org, DutyAdmissions admissions, AdmissionProperties properties) {
        this.org = org;
        this.admissions = admissions;
        this.properties = properties;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public Map<String, String> outcomeLabels() {
        return Map.of(OUTCOME_ADMITTED, "已准入", OUTCOME_REFUSED, "不予准入", OUTCOME_REFUSED_BY_RULES,
                "属负面清单，不予准入", OUTCOME_ALREADY_LISTED, "已在履职清单中");
    }

    /** Every department may apply (for itself only: checked at start). */
    @Override
    public Set<String> starterGroups() {
        return org.groupsOf(PostRole.DEPARTMENT);
    }

    @Override
    public Set<String> startVariables() {
        return Set.of(Vars.DEPT_CODE, Vars.DUTY_NAME, Vars.DUTY_DESCRIPTION, Vars.DUTY_CATEGORY, Vars.LEGAL_BASIS,
                Vars.TARGET_ORG_CODES, Vars.STAFF_COUNT, Vars.FUNDS_WAN, Vars.START_DATE, Vars.REASON);
    }

    @Override
    public Map<String, TaskDecision> byTask() {
        Map<String, TaskDecision> tasks = new LinkedHashMap<>();
        tasks.put(Elements.STREET_OPINION, TaskDecision.of(Vars.STREET_OPINION, Vars.STREET_OPINION_COMMENT)
                .withContext(Vars.ORG_CODE)
                .choice("街道/镇意见", AGREE, "同意承接", AGREE_WITH_CONDITIONS, "有条件同意", DISAGREE, "不同意承接")
                .reasonUnless("承接条件或不同意的理由", AGREE)
                .rejecting(DISAGREE));
        tasks.put(Elements.DECIDE, TaskDecision.of(Vars.ADMISSION_DECISION, Vars.ADMISSION_COMMENT)
                .choice("准入决定", DutyAdmissions.ADMIT, "准入", DutyAdmissions.ADMIT_WITH_CONDITIONS, "附条件准入",
                        DutyAdmissions.REFUSE, "不予准入")
                .reasonUnless("准入条件或不予准入的理由", DutyAdmissions.ADMIT)
                .rejecting(DutyAdmissions.REFUSE));
        return tasks;
    }

    // ---- called from expressions in duty-admission.bpmn ----

    /** The collection of the multi-instance opinion task: the target streets not already having the duty. */
    public List<String> opinionStreets(Long caseId) {
        return new ArrayList<>(admissions.opinionStreets(caseId));
    }

    /** Due date of a street committee's opinion (app.admission.opinion-days). */
    public Date opinionDue() {
        return CaseClock.inDays(properties.opinionDays());
    }

    /** Due date of 编办's decision (app.admission.decision-days). */
    public Date decisionDue() {
        return CaseClock.inDays(properties.decisionDays());
    }
}
