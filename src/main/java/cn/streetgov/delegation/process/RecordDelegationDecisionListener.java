package cn.streetgov.delegation.process;

import cn.streetgov.casework.Actor;
import static cn.streetgov.delegation.process.PowerDelegationProcess.CONFIRM_STAFFING;
import static cn.streetgov.delegation.process.PowerDelegationProcess.DECIDE_DELEGATION;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REPORT_OPERATION;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REVIEW_CAPACITY;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REVIEW_LEGALITY;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REVISE_PROPOSAL;
import static cn.streetgov.delegation.process.PowerDelegationProcess.REVISE_STAFFING;

import cn.streetgov.common.InvalidInputException;
import cn.streetgov.delegation.domain.DelegationDecision.Step;
import cn.streetgov.delegation.domain.CaseStatus;
import cn.streetgov.delegation.domain.DelegationCases;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import cn.streetgov.org.domain.PostRole;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of every user task of {@code power-delegation}: checks the submitted decision
 * (refused with a Chinese reason, the task stays open), stores it with who, for which
 * organisation and when, and refreshes the case text shown to the next officials.
 */
@Component("recordDelegationDecisionListener")
class RecordDelegationDecisionListener implements TaskListener {

    /** What each task decides: variables, allowed values, the values that need no comment. */
    record Spec(Step step, String decisionVar, String commentVar, Set<String> allowed, Set<String> noCommentNeeded,
            String label, String commentLabel) {
    }

    static final Map<String, Spec> SPECS = Map.of(
            REVIEW_CAPACITY, new Spec(Step.CAPACITY, Vars.CAPACITY_DECISION, Vars.CAPACITY_COMMENT,
                    Set.of("ACCEPT", "ACCEPT_WITH_CONDITIONS", "REJECT"), Set.of("ACCEPT"), "承接意见",
                    "承接条件或不同意的理由"),
            REVIEW_LEGALITY, new Spec(Step.LEGAL, Vars.LEGAL_DECISION, Vars.LEGAL_COMMENT,
                    Set.of("LAWFUL", "REVISE", "UNLAWFUL"), Set.of("LAWFUL"), "审查结论", "修改意见或不合法的理由"),
            REVISE_PROPOSAL, new Spec(Step.REVISION, Vars.REVISION_DECISION, Vars.REVISION_COMMENT,
                    Set.of("RESUBMIT", "WITHDRAW"), Set.of("RESUBMIT", "WITHDRAW"), "处理方式", "说明"),
            CONFIRM_STAFFING, new Spec(Step.STAFFING, Vars.STAFFING_DECISION, Vars.STAFFING_COMMENT,
                    Set.of("APPROVE", "RETURN"), Set.of("APPROVE"), "编随事转确认", "退回理由"),
            REVISE_STAFFING, new Spec(Step.REVISION, Vars.REVISION_DECISION, Vars.REVISION_COMMENT,
                    Set.of("RESUBMIT", "WITHDRAW"), Set.of("RESUBMIT", "WITHDRAW"), "处理方式", "说明"),
            DECIDE_DELEGATION, new Spec(Step.FINAL, Vars.FINAL_DECISION, Vars.FINAL_COMMENT,
                    Set.of("APPROVE", "REJECT"), Set.of("APPROVE"), "会议决定", "不予批准的理由"),
            REPORT_OPERATION, new Spec(Step.REPORT, Vars.REPORT_ASSESSMENT, Vars.REPORT_NOTE,
                    Set.of("WORKING", "PROBLEMS"), Set.of(), "运行评价", "运行情况报告"));

    private final DelegationCases cases;

    RecordDelegationDecisionListener(DelegationCases cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        Spec spec = SPECS.get(task.getTaskDefinitionKey());
        if (spec == null) {
            return;
        }
        String decision = ProcessVariables.string(task, spec.decisionVar());
        String comment = ProcessVariables.string(task, spec.commentVar());
        check(spec, decision, comment);
        Long caseId = ProcessVariables.caseId(task, Vars.CASE_ID);
        String user = Actor.of(task).userId();
        String deptGroup = PostRole.DEPARTMENT.groupId(ProcessVariables.string(task, Vars.DEPT_CODE));
        switch (task.getTaskDefinitionKey()) {
            case REVIEW_CAPACITY -> cases.recordCapacity(caseId, task.getTaskDefinitionKey(),
                    ProcessVariables.string(task, Vars.ORG_CODE), user, decision, comment);
            case REVIEW_LEGALITY -> {
                record(caseId, spec, task, PostRole.LEGAL_REVIEW.groupId(null), user, decision, comment);
                if ("REVISE".equals(decision)) {
                    cases.setStatus(caseId, CaseStatus.REVISING);
                }
            }
            case REVISE_PROPOSAL, REVISE_STAFFING -> {
                if ("RESUBMIT".equals(decision)) {
                    cases.revise(caseId, ProcessVariables.string(task, Vars.LEGAL_BASIS),
                            ProcessVariables.string(task, Vars.REASON), task.getVariable(Vars.STAFFING_TRANSFER),
                            task.getVariable(Vars.EFFECTIVE_DATE));
                    cases.setStatus(caseId, REVISE_PROPOSAL.equals(task.getTaskDefinitionKey())
                            ? CaseStatus.IN_REVIEW : CaseStatus.STAFFING);
                }
                record(caseId, spec, task, deptGroup, user, decision, comment);
            }
            case CONFIRM_STAFFING -> {
                record(caseId, spec, task, PostRole.BIANBAN.groupId(null), user, decision, comment);
                cases.setStatus(caseId, "APPROVE".equals(decision) ? CaseStatus.DECIDING : CaseStatus.REVISING);
            }
            case DECIDE_DELEGATION -> record(caseId, spec, task, PostRole.DISTRICT_GOVERNMENT.groupId(null), user,
                    decision, comment);
            case REPORT_OPERATION -> record(caseId, spec, task, ProcessVariables.string(task, Vars.ORG_CODE), user,
                    decision, comment);
            default -> throw new IllegalStateException(task.getTaskDefinitionKey());
        }
        task.getExecution().getProcessInstance().setVariable(Vars.CASE_SUMMARY, cases.summary(caseId));
    }

    private void record(Long caseId, Spec spec, DelegateTask task, String org, String user, String decision,
            String comment) {
        cases.recordDecision(caseId, spec.step(), task.getTaskDefinitionKey(), org, user, decision, comment);
    }

    static void check(Spec spec, String decision, String comment) {
        if (decision == null || !spec.allowed().contains(decision)) {
            throw new InvalidInputException("请选择" + spec.label() + "（" + String.join("/",
                    List.copyOf(new java.util.TreeSet<>(spec.allowed()))) + "）");
        }
        if (comment == null && !spec.noCommentNeeded().contains(decision)) {
            throw new InvalidInputException("请填写" + spec.commentLabel());
        }
    }
}
