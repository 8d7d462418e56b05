package cn.streetgov.delegation.process;

import cn.streetgov.casework.OutcomeLabels;
import cn.streetgov.casework.TaskDecisions;
import cn.streetgov.delegation.domain.Outcome;
import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.PostRole;
import cn.streetgov.casework.ProcessStarters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The process {@code power-delegation} (赋权下放审批): key, element ids, variables and errors as
 * constants; who may start it; what each task decides (the one declaration the kernel checks and
 * records, see {@link TaskDecisions}).
 */
@Component
public class PowerDelegationProcess implements TaskDecisions, ProcessStarters, OutcomeLabels {

    public static final String KEY = "power-delegation";
    public static final String DECISION_ELIGIBILITY = "delegation-eligibility";

    // element ids
    public static final String START_EVENT = "startEvent_proposalSubmitted";
    public static final String CHECK_ELIGIBILITY = "serviceTask_checkEligibility";
    public static final String GATEWAY_ANY_ELIGIBLE = "gateway_anyEligible";
    public static final String REVIEWS = "subProcess_reviews";
    public static final String CAPACITY_REVIEW = "subProcess_capacityReview";
    public static final String REVIEW_CAPACITY = "userTask_reviewCapacity";
    public static final String CAPACITY_REMINDER = "boundaryEvent_capacityReminder";
    public static final String REMIND_CAPACITY_REVIEW = "serviceTask_remindCapacityReview";
    public static final String GATEWAY_LEGAL_REVIEW_NEEDED = "gateway_legalReviewNeeded";
    public static final String REVIEW_LEGALITY = "userTask_reviewLegality";
    public static final String REVISE_PROPOSAL = "userTask_reviseProposal";
    public static final String END_UNLAWFUL = "endEvent_unlawful";
    public static final String END_WITHDRAWN_IN_REVIEW = "endEvent_withdrawnInReview";
    public static final String BOUNDARY_UNLAWFUL = "boundaryEvent_unlawful";
    public static final String BOUNDARY_WITHDRAWN = "boundaryEvent_withdrawn";
    public static final String EVALUATE_CAPACITY = "serviceTask_evaluateCapacity";
    public static final String CONFIRM_STAFFING = "userTask_confirmStaffing";
    public static final String REVISE_STAFFING = "userTask_reviseStaffing";
    public static final String DECIDE_DELEGATION = "userTask_decideDelegation";
    public static final String PUBLISH_CATALOG = "serviceTask_publishCatalog";
    public static final String REVIEW_PERIOD_ELAPSED = "timerEvent_reviewPeriodElapsed";
    public static final String REPORT_OPERATION = "userTask_reportOperation";
    public static final String REJECT_CASE = "serviceTask_rejectCase";
    public static final String WITHDRAW_CASE = "serviceTask_withdrawCase";
    public static final String BOUNDARY_ALREADY_IN_FORCE = "boundaryEvent_alreadyInForce";
    public static final String END_ALREADY_IN_FORCE = "endEvent_alreadyInForce";
    public static final String END_PUBLISHED = "endEvent_published";
    public static final String END_REJECTED = "endEvent_rejected";
    public static final String END_WITHDRAWN = "endEvent_withdrawn";
    public static final String REVIEWS_START = "startEvent_reviews";
    public static final String GATEWAY_REVIEWS_SPLIT = "gateway_reviewsSplit";
    public static final String GATEWAY_REVIEWS_JOIN = "gateway_reviewsJoin";
    public static final String END_REVIEWS_COMPLETED = "endEvent_reviewsCompleted";
    public static final String CAPACITY_REVIEW_START = "startEvent_capacityReview";
    public static final String END_CAPACITY_REMINDED = "endEvent_capacityReminded";
    public static final String END_CAPACITY_REVIEWED = "endEvent_capacityReviewed";
    public static final String GATEWAY_LEGAL_REVIEW_LOOP = "gateway_legalReviewLoop";
    public static final String GATEWAY_LEGAL_DECISION = "gateway_legalDecision";
    public static final String GATEWAY_REVISION_DECISION = "gateway_revisionDecision";
    public static final String GATEWAY_LEGAL_REVIEW_DONE = "gateway_legalReviewDone";
    public static final String GATEWAY_ANY_ACCEPTED = "gateway_anyAccepted";
    public static final String GATEWAY_STAFFING_LOOP = "gateway_staffingLoop";
    public static final String GATEWAY_STAFFING_DECISION = "gateway_staffingDecision";
    public static final String GATEWAY_STAFFING_REVISION_DECISION = "gateway_staffingRevisionDecision";
    public static final String GATEWAY_FINAL_DECISION = "gateway_finalDecision";
    public static final String GATEWAY_WITHDRAWN = "gateway_withdrawn";
    public static final String GATEWAY_REJECTED = "gateway_rejected";

    // errors
    public static final String ERROR_UNLAWFUL = "Error_Unlawful";
    public static final String ERROR_WITHDRAWN = "Error_Withdrawn";
    /** Thrown by publication when an approved power is in force already (id, and the code it is thrown with). */
    public static final String ERROR_ALREADY_IN_FORCE = "Error_AlreadyInForce";
    public static final String ERROR_CODE_ALREADY_IN_FORCE = "ALREADY_IN_FORCE";

    // decision values (CONTRACT.md), as the BPMN conditions and the forms use them
    public static final String CAPACITY_ACCEPT = "ACCEPT";
    public static final String CAPACITY_ACCEPT_WITH_CONDITIONS = "ACCEPT_WITH_CONDITIONS";
    public static final String CAPACITY_REJECT = "REJECT";
    public static final String LEGAL_LAWFUL = "LAWFUL";
    public static final String LEGAL_REVISE = "REVISE";
    public static final String LEGAL_UNLAWFUL = "UNLAWFUL";
    public static final String REVISION_RESUBMIT = "RESUBMIT";
    public static final String REVISION_WITHDRAW = "WITHDRAW";
    public static final String STAFFING_APPROVE = "APPROVE";
    public static final String STAFFING_RETURN = "RETURN";
    public static final String FINAL_APPROVE = "APPROVE";
    public static final String FINAL_REJECT = "REJECT";
    public static final String REPORT_WORKING = "WORKING";
    public static final String REPORT_PROBLEMS = "PROBLEMS";

    /** Process variables: start input (CONTRACT.md), case reference, decisions. */
    public static final class Vars {
        public static final String DEPT_CODE = "deptCode";
        public static final String POWER_ITEM_CODES = "powerItemCodes";
        public static final String TARGET_ORG_CODES = "targetOrgCodes";
        public static final String DELEGATION_METHOD = "delegationMethod";
        public static final String LEGAL_BASIS = "legalBasis";
        public static final String REASON = "reason";
        public static final String STAFFING_TRANSFER = "staffingTransfer";
        public static final String EFFECTIVE_DATE = "effectiveDate";

        public static final String CASE_ID = "caseId";
        public static final String CASE_NO = "caseNo";
        public static final String CASE_SUMMARY = "caseSummary";
        public static final String ORG_CODE = "orgCode";
        public static final String ELIGIBLE_PAIR_COUNT = "eligiblePairCount";
        public static final String LEGAL_REVIEW_REQUIRED = "legalReviewRequired";
        public static final String ACCEPTED_TARGET_COUNT = "acceptedTargetCount";
        public static final String CLOSING_OUTCOME = "closingOutcome";
        public static final String OUTCOME = "outcome";
        /** Why the outcome is what it is, when the decisions alone do not say (Chinese text). */
        public static final String OUTCOME_REASON = "outcomeReason";

        public static final String CAPACITY_DECISION = "capacityDecision";
        public static final String CAPACITY_COMMENT = "capacityComment";
        public static final String LEGAL_DECISION = "legalDecision";
        public static final String LEGAL_COMMENT = "legalComment";
        public static final String REVISION_DECISION = "revisionDecision";
        public static final String REVISION_COMMENT = "revisionComment";
        public static final String STAFFING_DECISION = "staffingDecision";
        public static final String STAFFING_COMMENT = "staffingComment";
        public static final String FINAL_DECISION = "finalDecision";
        public static final String FINAL_COMMENT = "finalComment";
        public static final String REPORT_ASSESSMENT = "reportAssessment";
        public static final String REPORT_NOTE = "reportNote";

        private Vars() {
        }
    }

    /** Inputs and outputs of the decision table {@link #DECISION_ELIGIBILITY} (processes/delegation-eligibility.dmn). */
    public static final class Eligibility {
        public static final String CATEGORY = "category";
        public static final String DOMAIN = "domain";
        public static final String METHOD = "method";
        public static final String TARGET_TYPE = "targetType";
        public static final String TARGET_CENTRAL = "targetCentral";
        public static final String ELIGIBLE = "eligible";
        public static final String REASON = "reason";
        public static final String LEGAL_REVIEW_REQUIRED = "legalReviewRequired";

        private Eligibility() {
        }
    }

    private final OrgDirectory orgs;

    PowerDelegationProcess(OrgDirectory orgs) {
        this.orgs = orgs;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    /** Any department may propose delegating its own powers. */
    @Override
    public Set<String> starterGroups() {
        return orgs.groupsOf(PostRole.DEPARTMENT);
    }

    /** {@code outcome}: 已公布, 未通过, 已撤回 ({@link Outcome}). */
    @Override
    public Map<String, String> outcomeLabels() {
        return Stream.of(Outcome.values()).collect(Collectors.toMap(Outcome::name, Outcome::label));
    }

    @Override
    public Set<String> startVariables() {
        return Set.of(Vars.DEPT_CODE, Vars.POWER_ITEM_CODES, Vars.TARGET_ORG_CODES, Vars.DELEGATION_METHOD,
                Vars.LEGAL_BASIS, Vars.REASON, Vars.STAFFING_TRANSFER, Vars.EFFECTIVE_DATE);
    }

    /** What each task decides: the allowed values (as the forms offer them), and when a reason is needed. */
    @Override
    public Map<String, TaskDecision> byTask() {
        Map<String, TaskDecision> byTask = new LinkedHashMap<>();
        byTask.put(REVIEW_CAPACITY, TaskDecision.of(Vars.CAPACITY_DECISION, Vars.CAPACITY_COMMENT)
                .withContext(Vars.ORG_CODE)
                .choice("承接意见", CAPACITY_ACCEPT, "同意承接", CAPACITY_ACCEPT_WITH_CONDITIONS, "附条件承接",
                        CAPACITY_REJECT, "不同意承接")
                .reasonUnless("承接条件或不同意的理由", CAPACITY_ACCEPT)
                .rejecting(CAPACITY_REJECT));
        byTask.put(REVIEW_LEGALITY, TaskDecision.of(Vars.LEGAL_DECISION, Vars.LEGAL_COMMENT)
                .choice("审查结论", LEGAL_LAWFUL, "合法", LEGAL_REVISE, "需修改后再审", LEGAL_UNLAWFUL, "不合法")
                .reasonUnless("修改意见或不合法的理由", LEGAL_LAWFUL)
                .rejecting(LEGAL_REVISE, LEGAL_UNLAWFUL));
        byTask.put(REVISE_PROPOSAL, revision());
        byTask.put(CONFIRM_STAFFING, TaskDecision.of(Vars.STAFFING_DECISION, Vars.STAFFING_COMMENT,
                Vars.STAFFING_TRANSFER)
                .choice("编办意见", STAFFING_APPROVE, "同意", STAFFING_RETURN, "退回部门修改")
                .reasonUnless("退回理由", STAFFING_APPROVE)
                .rejecting(STAFFING_RETURN));
        byTask.put(REVISE_STAFFING, revision());
        byTask.put(DECIDE_DELEGATION, TaskDecision.of(Vars.FINAL_DECISION, Vars.FINAL_COMMENT)
                .choice("会议决定", FINAL_APPROVE, "批准并公布", FINAL_REJECT, "不予批准")
                .reasonUnless("不予批准的理由", FINAL_APPROVE)
                .rejecting(FINAL_REJECT));
        byTask.put(REPORT_OPERATION, TaskDecision.of(Vars.REPORT_ASSESSMENT, Vars.REPORT_NOTE)
                .withContext(Vars.ORG_CODE)
                .choice("运行评价", REPORT_WORKING, "运行良好", REPORT_PROBLEMS, "存在问题")
                .reasonRequired("运行情况报告"));
        return byTask;
    }

    /**
     * The department's revision (after the legal review or the staffing office): resubmit with the
     * revised text, or withdraw; an explanation is optional. The revised text is checked when it is
     * applied ({@code DelegationDecisionHook}), as only a resubmission needs it.
     */
    private static TaskDecision revision() {
        return TaskDecision.of(Vars.REVISION_DECISION, Vars.REVISION_COMMENT, Vars.LEGAL_BASIS, Vars.REASON,
                Vars.STAFFING_TRANSFER, Vars.EFFECTIVE_DATE)
                .choice("处理方式", REVISION_RESUBMIT, "修改后重新提交", REVISION_WITHDRAW, "撤回申请")
                .rejecting(REVISION_WITHDRAW);
    }
}
