package cn.streetgov.whistle.process;

import cn.streetgov.casework.ApprovalPolicy;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.whistle.process.WhistleProcess.Elements;
import cn.streetgov.whistle.process.WhistleProcess.Vars;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The approval operations of {@code whistle-dispatch}: a closed whistle cannot be reopened by a
 * return; a department report or the joint handling that is returned gets its time limit again
 * (the report deadline timer and the due dates read these variables).
 */
@Component
class WhistleApprovalPolicy implements ApprovalPolicy {

    @Override
    public String processKey() {
        return WhistleProcess.KEY;
    }

    @Override
    public Set<String> pointsOfNoReturn() {
        return Set.of(Elements.CLOSE);
    }

    @Override
    public Map<String, Object> beforeReopening(String taskKey, Map<String, Object> variables) {
        Map<String, Object> refreshed = new LinkedHashMap<>();
        LocalDateTime now = CaseClock.now();
        if (Elements.REPORT.equals(taskKey) && variables.get(Vars.REPORT_MINUTES) instanceof Number minutes) {
            LocalDateTime deadline = now.plusMinutes(minutes.longValue());
            refreshed.put(Vars.REPORT_DEADLINE, CaseClock.toDate(deadline));
            refreshed.put(Vars.REPORT_DEADLINE_TEXT, ApplyWhistleSlaDelegate.DISPLAY.format(deadline));
        }
        if (Elements.HANDLE.equals(taskKey) && variables.get(Vars.HANDLING_MINUTES) instanceof Number minutes
                && variables.get(Vars.HANDLING_DEADLINE) instanceof java.util.Date due
                && !due.toInstant().isAfter(CaseClock.instant())) {
            LocalDateTime deadline = now.plusMinutes(minutes.longValue());
            refreshed.put(Vars.HANDLING_DEADLINE, CaseClock.toDate(deadline));
            refreshed.put(Vars.HANDLING_DEADLINE_TEXT, ApplyWhistleSlaDelegate.DISPLAY.format(deadline));
        }
        return refreshed;
    }
}
