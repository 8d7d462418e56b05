package cn.streetgov.appointment.process;

import static cn.streetgov.appointment.process.ConsultationProcess.*;

import java.util.HashMap;
import java.util.Map;

/** Shared set-up of the tests that start a consultation. */
public final class ConsultationTestData {

    private ConsultationTestData() {
    }

    /** The start variables of 公安分局's proposal to appoint {@code candidate} head of 东华派出所 (S01-GA). */
    public static Map<String, Object> appointment(String candidate) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(DEPT_CODE, "GA");
        vars.put(AGENCY_CODE, "S01-GA");
        vars.put(ACTION, "APPOINT");
        vars.put(CANDIDATE_NAME, candidate);
        vars.put(POSITION_TITLE, "东华派出所所长");
        vars.put(POSITION_LEVEL, "SECTION");
        vars.put(REASON, "工作需要");
        return vars;
    }
}
