package cn.streetgov.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.Http;
import java.util.Map;

/** One whistle case of S01 run to its end over REST as the demo users do it in Tasklist (GA and WJ report). */
final class WhistleRun {

    static final String OFFICE = "s01-off";
    static final String OFFICE_GROUP = "street-office-S01";

    private WhistleRun() {
    }

    /** Starts, reports, handles, confirms and follows up; answers the process instance id. */
    static String run(int port, String summary) {
        Http office = Http.as(port, OFFICE);
        Http.Response started = office.postJson("/engine-rest/process-definition/key/whistle-dispatch/submit-form",
                Map.of("variables", Map.of(
                        "orgCode", Map.of("value", "S01"),
                        "summary", Map.of("value", summary),
                        "location", Map.of("value", "东华路 8 号"),
                        "urgency", Map.of("value", "URGENT"),
                        "deptCodes", Map.of("value", "[\"GA\",\"WJ\"]", "type", "Json"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String instance = started.json().get("id").asText();
        submit(port, "s01-ga-head", instance, "agency-S01-GA", Map.of("reportNote", Map.of("value", "派出所民警已到场")));
        submit(port, "wj-off", instance, "dept-WJ", Map.of("reportNote", Map.of("value", "卫健执法人员已到场")));
        submit(port, OFFICE, instance, OFFICE_GROUP, Map.of("handlingNote", Map.of("value", "占道摊点已清理")));
        submit(port, OFFICE, instance, OFFICE_GROUP, Map.of("resolved", Map.of("value", "true")));
        submit(port, OFFICE, instance, OFFICE_GROUP, Map.of("satisfaction", Map.of("value", "4"),
                "followUpComment", Map.of("value", "居民表示满意")));
        return instance;
    }

    private static void submit(int port, String user, String instance, String group, Map<String, Object> variables) {
        Http http = Http.as(port, user);
        Http.Response tasks = http.get("/engine-rest/task?processInstanceId=" + instance + "&candidateGroup=" + group);
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        assertThat(tasks.json().size()).as("tasks of %s in %s", group, instance).isEqualTo(1);
        String taskId = tasks.json().get(0).get("id").asText();
        assertThat(http.postJson("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)).status()).isEqualTo(204);
        Http.Response done = http.postJson("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
        assertThat(done.status()).as(done.body()).isBetween(200, 204);
    }
}
