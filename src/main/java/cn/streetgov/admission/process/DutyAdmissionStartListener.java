package cn.streetgov.admission.process;

import static cn.streetgov.admission.process.Variables.string;

import cn.streetgov.admission.domain.DutyAdmissionCase;
import cn.streetgov.admission.domain.DutyAdmissions;
import cn.streetgov.admission.domain.DutyAdmissions.AdmissionRequest;
import cn.streetgov.admission.process.DutyAdmissionProcess.Vars;
import cn.streetgov.common.VariableLists;
import cn.streetgov.org.OrgDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of duty-admission: checks the application (Chinese reasons, nothing written when refused),
 * opens the case with its target streets and makes the case number the business key.
 */
@Component("dutyAdmissionStartListener")
class DutyAdmissionStartListener implements ExecutionListener {

    private final DutyAdmissions admissions;
    private final OrgDirectory org;

    DutyAdmissionStartListener(DutyAdmissions admissions, OrgDirectory org) {
        this.admissions = admissions;
        this.org = org;
    }

    @Override
    public void notify(DelegateExecution execution) {
        AdmissionRequest request = new AdmissionRequest(string(execution, Vars.DEPT_CODE),
                string(execution, Vars.DUTY_NAME), string(execution, Vars.DUTY_DESCRIPTION),
                string(execution, Vars.DUTY_CATEGORY), string(execution, Vars.LEGAL_BASIS),
                VariableLists.parse(execution.getVariable(Vars.TARGET_ORG_CODES)), execution.getVariable(Vars.STAFF_COUNT),
                execution.getVariable(Vars.FUNDS_WAN), execution.getVariable(Vars.START_DATE),
                string(execution, Vars.REASON));
        DutyAdmissionCase admission = admissions.open(request, Variables.starter(execution),
                execution.getProcessInstanceId());
        execution.setProcessBusinessKey(admission.getCaseNo());
        execution.setVariable(Vars.CASE_ID, admission.getId());
        execution.setVariable(Vars.CASE_NO, admission.getCaseNo());
        execution.setVariable(Vars.DEPT_NAME, org.nameOf(admission.getDeptCode()).orElse(admission.getDeptCode()));
        execution.setVariable(Vars.CATEGORY_LABEL, admission.getCategory().label());
    }
}
