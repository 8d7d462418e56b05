package cn.streetgov.admission.process;

import cn.streetgov.admission.domain.DutyAdmissions;
import cn.streetgov.admission.process.DutyAdmissionProcess.Vars;
import cn.streetgov.casework.ModellingDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the admitted duty, with its staff, funds and conditions, on the list of every street that agreed. */
@Component("admitDutyDelegate")
@ModellingDelegate(name = "列入街道履职清单",
        description = "把准入的事项（连同编制、经费和准入条件）列入每个同意承接的街道/镇的履职清单（各自新的一版），outcome 设为 ADMITTED。读取案件变量 caseId（duty-admission 流程）")
class AdmitDutyDelegate implements JavaDelegate {

    private final DutyAdmissions admissions;

    AdmitDutyDelegate(DutyAdmissions admissions) {
        this.admissions = admissions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        admissions.admit(Variables.caseId(execution, Vars.CASE_ID));
        execution.setVariable(Vars.OUTCOME, DutyAdmissionProcess.OUTCOME_ADMITTED);
    }
}
