package cn.streetgov.assessment.process;

import cn.streetgov.assessment.domain.AssessmentCase;
import cn.streetgov.assessment.domain.AssessmentProperties;
import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.assessment.process.AssessmentCaseProcess.Vars;
import cn.streetgov.casework.ModellingDelegate;
import cn.streetgov.whistle.WhistleMetricsQuery;
import cn.streetgov.whistle.WhistleMetricsQuery.AgencyFigures;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Attaches the agency's whistle figures of the period (on-time rate, minutes to report,
 * satisfaction), pre-fills the command-and-dispatch score from them and sets the self-evaluation deadline.
 */
@Component("attachFiguresDelegate")
@ModellingDelegate(name = "附上吹哨报到客观数据",
        description = "把本考核期派驻机构的吹哨报到数据（召集次数、按时率、平均报到时长、满意度）附到考核案件，预填“服从指挥”分并定出自评期限。读取案件变量 caseId、agencyCode、period（agency-assessment-case 流程）")
class AttachFiguresDelegate implements JavaDelegate {

    static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AssessmentService assessments;
    private final WhistleMetricsQuery whistles;
    private final AssessmentProperties properties;

    AttachFiguresDelegate(AssessmentService assessments, WhistleMetricsQuery whistles, AssessmentProperties properties) {
        this.assessments = assessments;
        this.whistles = whistles;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = (Long) execution.getVariable(Vars.CASE_ID);
        String agencyCode = (String) execution.getVariable(Vars.AGENCY_CODE);
        String period = (String) execution.getVariable(Vars.PERIOD);
        AgencyFigures figures = whistles.figuresOf(agencyCode, period);
        LocalDateTime due = CaseClock.now().plusDays(properties.selfEvaluationDays());
        AssessmentCase c = assessments.attachFigures(caseId, figures, due);
        execution.setVariable(Vars.OBJ_SUMMONED, c.getObjSummoned());
        execution.setVariable(Vars.OBJ_ON_TIME, c.getObjOnTime());
        execution.setVariable(Vars.OBJ_ON_TIME_RATE, percent(c.getObjOnTimeRate(), c.getObjSummoned()));
        execution.setVariable(Vars.OBJ_AVG_REPORT_MINUTES, text(c.getObjAvgReportMinutes(), " 分钟"));
        execution.setVariable(Vars.OBJ_AVG_SATISFACTION, text(c.getObjAvgSatisfaction(), " / 5"));
        execution.setVariable(Vars.PREFILLED_COMMAND, c.getPrefilledCommand());
        execution.setVariable(Vars.SCORE_COMMAND, c.getPrefilledCommand());
        execution.setVariable(Vars.SELF_EVALUATION_DUE, CaseClock.toDate(due));
        execution.setVariable(Vars.SELF_EVALUATION_DUE_TEXT, DISPLAY.format(due));
        execution.setVariable(Vars.SELF_STATUS, c.getSelfStatus().name());
    }

    private static String percent(BigDecimal rate, Integer summoned) {
        if (summoned == null || summoned == 0) {
            return "本期未被吹哨召集";
        }
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String text(BigDecimal value, String unit) {
        return value == null ? "无" : value.stripTrailingZeros().toPlainString() + unit;
    }
}
