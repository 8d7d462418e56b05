package cn.streetgov.test;

import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.casework.CaseClock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;

/** What tests do as officials through the Java API, shared by the test bases and fixtures. */
public final class Officials {

    private Officials() {
    }

    /** Runs {@code action} logged in as {@code userId} with the user's groups. */
    public static <T> T as(ProcessEngine engine, String userId, Supplier<T> action) {
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        engine.getIdentityService().setAuthentication(userId, groups);
        try {
            return action.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** Claims and completes the task as {@code userId}, who must be allowed to (as Tasklist does). */
    public static void complete(ProcessEngine engine, String userId, Task task, Map<String, Object> variables) {
        as(engine, userId, () -> {
            engine.getTaskService().claim(task.getId(), userId);
            engine.getTaskService().complete(task.getId(), variables);
            return null;
        });
    }

    /** An assessment period no campaign has used yet (tests share one database; past years: MySQL
     *  history columns end in 2038). */
    public static String freshAssessmentPeriod(AssessmentService assessments) {
        int now = CaseClock.today().getYear();
        // the years a start form offers (StartOptions: last, this and next year) come last, so that the
        // browser tests choosing a period there still find one after the rest of the suite
        List<Integer> years = IntStream.range(2000, 2038).boxed()
                .sorted(Comparator.comparing((Integer year) -> Math.abs(year - now) <= 1)).toList();
        for (int year : years) {
            for (String suffix : List.of("", "-H1", "-H2", "-Q1", "-Q2", "-Q3", "-Q4")) {
                String period = year + suffix;
                if (assessments.campaignOf(period).isEmpty()) {
                    return period;
                }
            }
        }
        throw new IllegalStateException("no free assessment period");
    }
}
