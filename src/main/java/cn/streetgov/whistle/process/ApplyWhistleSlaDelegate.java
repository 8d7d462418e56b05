package cn.streetgov.whistle.process;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.whistle.domain.WhistleCase;
import cn.streetgov.whistle.domain.WhistleCaseService;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Applies the minutes of DMN whistle-sla to the case: the report and handling deadlines. */
@Component("applyWhistleSlaDelegate")
class ApplyWhistleSlaDelegate implements JavaDelegate {

    static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final WhistleCaseService cases;

    ApplyWhistleSlaDelegate(WhistleCaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = (Long) execution.getVariable(Vars.CASE_ID);
        int reportMinutes = ((Number) execution.getVariable(Vars.REPORT_MINUTES)).intValue();
        int handlingMinutes = ((Number) execution.getVariable(Vars.HANDLING_MINUTES)).intValue();
        WhistleCase whistle = cases.applySla(caseId, reportMinutes, handlingMinutes);
        execution.setVariable(Vars.REPORT_DEADLINE, toDate(whistle.getReportDeadline()));
        execution.setVariable(Vars.HANDLING_DEADLINE, toDate(whistle.getHandlingDeadline()));
        execution.setVariable(Vars.REPORT_DEADLINE_TEXT, DISPLAY.format(whistle.getReportDeadline()));
        execution.setVariable(Vars.HANDLING_DEADLINE_TEXT, DISPLAY.format(whistle.getHandlingDeadline()));
    }

    private static Date toDate(LocalDateTime time) {
        return CaseClock.toDate(time);
    }
}
