package cn.streetgov.majormatter.process;

import cn.streetgov.majormatter.process.MajorMatterProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When the sender's answer to one street's opinion opens: the street's name and its opinion, for
 * the form to show (task-local; the multi-instance's street is known only once the task exists).
 */
@Component("answerOpinionListener")
class AnswerOpinionListener implements TaskListener {

    private final MajorMatterProcess process;

    AnswerOpinionListener(MajorMatterProcess process) {
        this.process = process;
    }

    @Override
    public void notify(DelegateTask task) {
        String orgCode = (String) task.getVariable(Vars.ORG_CODE);
        Long caseId = ((Number) task.getVariable(Vars.CASE_ID)).longValue();
        task.setVariableLocal(Vars.ORG_NAME, process.orgName(orgCode));
        task.setVariableLocal(Vars.OPINION_SHOWN, process.opinionShown(caseId, orgCode));
    }
}
