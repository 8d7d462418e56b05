package cn.streetgov.majormatter.process;

import static cn.streetgov.majormatter.process.MajorMatterProcess.string;
import static cn.streetgov.majormatter.process.MajorMatterProcess.stringList;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.OpinionDeadlines;
import cn.streetgov.majormatter.domain.MajorMatter;
import cn.streetgov.majormatter.domain.MajorMatterProperties;
import cn.streetgov.majormatter.domain.MajorMatterService;
import cn.streetgov.majormatter.domain.MajorMatterService.MatterRequest;
import cn.streetgov.majormatter.domain.MajorMatterService.Starter;
import cn.streetgov.majormatter.process.MajorMatterProcess.Vars;
import cn.streetgov.org.OrgDirectory;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Start of major-matter-consultation: checks the matter (Chinese reasons, nothing written when
 * refused), opens it with a row per affected street, makes the case number the business key and
 * sets the kernel's reply deadline and reminder (the opinion deadline the sender named).
 */
@Component("majorMatterStartListener")
class MajorMatterStartListener implements ExecutionListener {

    private final MajorMatterService matters;
    private final MajorMatterProperties properties;
    private final OrgDirectory org;

    MajorMatterStartListener(MajorMatterService matters, MajorMatterProperties properties, OrgDirectory org) {
        this.matters = matters;
        this.properties = properties;
        this.org = org;
    }

    @Override
    public void notify(DelegateExecution execution) {
        MatterRequest request = new MatterRequest(string(execution.getVariable(Vars.SENDER_CODE)),
                string(execution.getVariable(Vars.MATTER_TYPE)), string(execution.getVariable(Vars.TITLE)),
                string(execution.getVariable(Vars.SUMMARY)), stringList(execution.getVariable(Vars.AFFECTED_ORG_CODES)),
                execution.getVariable(Vars.OPINION_DEADLINE), string(execution.getVariable(Vars.DOCUMENT_REF)));
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        Starter starter = auth == null || auth.getUserId() == null ? null
                : new Starter(auth.getUserId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds());

        MajorMatter matter = matters.open(request, starter, execution.getProcessInstanceId());

        execution.setProcessBusinessKey(matter.getCaseNo());
        execution.setVariable(Vars.CASE_ID, matter.getId());
        execution.setVariable(Vars.CASE_NO, matter.getCaseNo());
        execution.setVariable(Vars.SENDER_GROUP, MajorMatterService.senderGroup(matter.getSenderCode()));
        execution.setVariable(Vars.SENDER_NAME, matters.senderName(matter.getSenderCode()));
        execution.setVariable(Vars.MATTER_TYPE_LABEL, matter.getMatterType().label());
        execution.setVariable(Vars.AFFECTED_ORG_NAMES, String.join("、", matters.affectedStreets(matter.getId()).stream()
                .map(code -> org.nameOf(code).orElse(code)).toList()));
        execution.setVariable(Vars.OPINION_DEADLINE_TEXT, CaseClock.SHOWN_DATE.format(matter.getOpinionDeadline()));
        execution.setVariables(OpinionDeadlines.variables(matter.getOpinionDeadline(), properties.reminderBeforeDeadline()));
    }
}
