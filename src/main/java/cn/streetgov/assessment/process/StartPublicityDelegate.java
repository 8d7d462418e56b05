package cn.streetgov.assessment.process;

import cn.streetgov.assessment.domain.AssessmentCase;
import cn.streetgov.assessment.domain.AssessmentPeriod;
import cn.streetgov.assessment.domain.AssessmentProperties;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.casework.Notice;
import cn.streetgov.casework.NoticeKind;
import cn.streetgov.casework.Notifications;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import cn.streetgov.casework.ModellingDelegate;
import cn.streetgov.org.domain.PostRole;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Publishes the result (公示) for app.assessment.publicity-days; after a re-review, again. The assessed
 * agency is told (通知 in its members' inbox) its total, grade and the end of the 公示, and where it
 * reads the result and objects: the page 本机构考核结果 (/app/assessments/mine).
 */
@Component("startPublicityDelegate")
@ModellingDelegate(name = "开始公示考核结果",
        description = "开始公示（天数见 app.assessment.publicity-days），设置 publicityUntil，并通知被考核的派驻机构。读取案件变量 caseId（agency-assessment-case 流程）")
class StartPublicityDelegate implements JavaDelegate {

    private final AssessmentService assessments;
    private final AssessmentProperties properties;
    private final Notifications notifications;

    StartPublicityDelegate(AssessmentService assessments, AssessmentProperties properties, Notifications notifications) {
        this.assessments = assessments;
        this.properties = properties;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDateTime until = CaseClock.now().plusDays(properties.publicityDays());
        Long caseId = (Long) execution.getVariable(Vars.CASE_ID);
        assessments.startPublicity(caseId, until);
        execution.setVariable(Vars.PUBLICITY_UNTIL, CaseClock.toDate(until));
        execution.setVariable(Vars.PUBLICITY_UNTIL_TEXT, AttachFiguresDelegate.DISPLAY.format(until));
        AssessmentCase c = assessments.requireCase(caseId);
        boolean review = c.getObjectionCount() > 0;
        notifications.send(Notice.toGroup(c.getCaseNo(), execution.getProcessInstanceId(), NoticeKind.INFO,
                PostRole.AGENCY.groupId(c.getAgencyCode()), "案件 " + c.getCaseNo() + "："
                        + AssessmentPeriod.label(c.getPeriod()) + (review ? "考核复核结果公示：" : "考核结果公示：")
                        + "总分 " + c.getTotalScore().stripTrailingZeros().toPlainString() + " 分，等次 "
                        + c.getGrade().label() + "，公示至 " + CaseClock.SHOWN_MINUTE.format(until) + "。对" + (review ? "复核" : "")
                        + "结果有异议的，请在公示期内于“本机构考核结果”页面提出"
                        + (review ? "，由区考核办裁决" : "")));
    }
}
