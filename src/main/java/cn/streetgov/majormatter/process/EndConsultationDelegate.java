package cn.streetgov.majormatter.process;

import cn.streetgov.majormatter.domain.MajorMatterService;
import cn.streetgov.majormatter.process.MajorMatterProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every street gave its opinion or is overdue: the matter goes to the answers (or straight to the decision). */
@Component
class EndConsultationDelegate implements JavaDelegate {

    private final MajorMatterService matters;

    EndConsultationDelegate(MajorMatterService matters) {
        this.matters = matters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable(Vars.CASE_ID)).longValue();
        matters.consultationEnded(caseId);
        execution.setVariable(Vars.OPINIONS_RECEIVED, matters.receivedOpinions(caseId).size());
    }
}
