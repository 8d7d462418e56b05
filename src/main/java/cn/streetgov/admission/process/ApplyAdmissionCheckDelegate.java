package cn.streetgov.admission.process;

import static cn.streetgov.admission.process.Variables.string;

import cn.streetgov.admission.domain.DutyAdmissions;
import cn.streetgov.admission.domain.DutyAdmissions.CheckResult;
import cn.streetgov.admission.process.DutyAdmissionProcess.Vars;
import cn.streetgov.casework.ModellingDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies the negative list's answer and the streets' lists: {@code checkResult} is
 * NEGATIVE_LISTED (the department is told why), ALL_LISTED (every target street already has the
 * duty; each is told) or OPINIONS (the other streets are asked).
 */
@Component("applyAdmissionCheckDelegate")
@ModellingDelegate(name = "登记准入规则审查结果",
        description = "按负面清单（DMN duty-admission-check 的 admissible、negativeItem、refusalReason）和各街道/镇履职清单登记审查结果，"
                + "设 checkResult 为 NEGATIVE_LISTED、ALL_LISTED 或 OPINIONS，并通知部门或已有该事项的街道/镇。读取案件变量 caseId（duty-admission 流程）")
class ApplyAdmissionCheckDelegate implements JavaDelegate {

    private final DutyAdmissions admissions;

    ApplyAdmissionCheckDelegate(DutyAdmissions admissions) {
        this.admissions = admissions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean admissible = !Boolean.FALSE.equals(execution.getVariable(Vars.ADMISSIBLE));
        CheckResult result = admissions.applyCheck(Variables.caseId(execution, Vars.CASE_ID), admissible,
                string(execution, Vars.NEGATIVE_ITEM), string(execution, Vars.REFUSAL_REASON));
        execution.setVariable(Vars.CHECK_RESULT, result.name());
        switch (result) {
            case NEGATIVE_LISTED -> execution.setVariable(Vars.OUTCOME, DutyAdmissionProcess.OUTCOME_REFUSED_BY_RULES);
            case ALL_LISTED -> execution.setVariable(Vars.OUTCOME, DutyAdmissionProcess.OUTCOME_ALREADY_LISTED);
            default -> {
                // the streets give their opinions
            }
        }
    }
}
