package cn.streetgov.admission.process;

import cn.streetgov.admission.domain.DutyAdmissions;
import cn.streetgov.admission.process.DutyAdmissionProcess.Vars;
import cn.streetgov.casework.ModellingDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the refusal for every target street (no street may be assigned the duty) and tells the department. */
@Component("refuseAdmissionDelegate")
@ModellingDelegate(name = "登记不予准入",
        description = "登记编办不予准入：各目标街道/镇不得被分派此项工作（以后对同一街道/镇的同名申请在发起时即被拒绝），通知申请部门，outcome 设为 REFUSED。读取案件变量 caseId（duty-admission 流程）")
class RefuseAdmissionDelegate implements JavaDelegate {

    private final DutyAdmissions admissions;

    RefuseAdmissionDelegate(DutyAdmissions admissions) {
        this.admissions = admissions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        admissions.refuse(Variables.caseId(execution, Vars.CASE_ID));
        execution.setVariable(Vars.OUTCOME, DutyAdmissionProcess.OUTCOME_REFUSED);
    }
}
