package cn.streetgov.majormatter;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.majormatter.domain.MajorMatterService;
import cn.streetgov.majormatter.process.MajorMatterProcess;
import cn.streetgov.majormatter.process.MajorMatterProcess.Vars;
import cn.streetgov.test.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A major matter over /engine-rest as Tasklist does it (submit-form, task query by candidate group,
 * claim, submit-form), then who may read it over GET /api/major-matters: the sender, the affected
 * streets, the district bodies and auditors; others 403 with a Chinese reason, anonymous 401.
 */
@IntegrationTest
class MajorMatterRestApiTest {

    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    static final String START = "/engine-rest/process-definition/key/" + MajorMatterProcess.KEY + "/submit-form";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    MajorMatterService matters;

    @Test
    void shouldRunAMatterOverRestAndShowItToThoseItConcernsOnly() {
        ResponseEntity<Map<String, Object>> started = post("zrzy-off", START, Map.of("variables", startVariables()));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String instanceId = (String) started.getBody().get("id");
        String caseNo = (String) started.getBody().get("businessKey");
        assertThat(caseNo).startsWith("ZD-");

        // S01's committee objects; S02's supports
        String s01 = onlyTask("s01-sec", instanceId, "street-committee-S01");
        ResponseEntity<Map<String, Object>> noReason = post("s01-sec", "/engine-rest/task/" + s01 + "/submit-form",
                Map.of("variables", Map.of(Vars.OPINION, Map.of("value", "OBJECT"),
                        Vars.MEETING_DATE, Map.of("value", CaseClock.today().toString()))));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) noReason.getBody().get("message")).contains("意见和建议");
        claimAndSubmit("s01-sec", s01, Map.of(Vars.OPINION, Map.of("value", "OBJECT"),
                Vars.OPINION_TEXT, Map.of("value", "停车场出入口紧邻小学，建议调整"),
                Vars.MEETING_DATE, Map.of("value", CaseClock.today().toString())));
        String s02 = onlyTask("s02-sec", instanceId, "street-committee-S02");
        claimAndSubmit("s02-sec", s02, Map.of(Vars.OPINION, Map.of("value", "SUPPORT"),
                Vars.MEETING_DATE, Map.of("value", CaseClock.today().toString())));

        // the auditor can neither answer nor start
        List<Map<String, Object>> answers = rest.withBasicAuth("zrzy-off", "demo").exchange(
                "/engine-rest/task?processInstanceId=" + instanceId + "&candidateGroup=dept-ZRZY", HttpMethod.GET,
                null, LIST).getBody();
        assertThat(answers).hasSize(2);
        String anAnswer = (String) answers.get(0).get("id");
        ResponseEntity<Map<String, Object>> auditorAnswer = post("auditor", "/engine-rest/task/" + anAnswer + "/submit-form",
                Map.of("variables", Map.of(Vars.ANSWER, Map.of("value", "ADOPTED"))));
        assertThat(auditorAnswer.getStatusCode().value()).isIn(403, 404);
        ResponseEntity<Map<String, Object>> auditorStart = post("auditor", START, Map.of("variables", startVariables()));
        assertThat(auditorStart.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        for (Map<String, Object> answer : answers) {
            claimAndSubmit("zrzy-off", (String) answer.get("id"), Map.of(Vars.ANSWER, Map.of("value", "PARTLY_ADOPTED"),
                    Vars.ANSWER_REASON, Map.of("value", "出入口移至北侧")));
        }

        // who may read the matter
        for (String user : List.of("zrzy-off", "s01-sec", "s01-off", "s02-sec", "govt", "orgdept", "auditor", "admin")) {
            ResponseEntity<Map<String, Object>> view = get(user, "/api/major-matters/" + caseNo, OBJECT);
            assertThat(view.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        }
        Map<String, Object> view = get("s01-sec", "/api/major-matters/" + caseNo, OBJECT).getBody();
        assertThat(view).containsEntry("senderCode", "ZRZY").containsEntry("matterType", "PLAN")
                .containsEntry("matterTypeLabel", "规划").containsEntry("status", "DECIDING");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> opinions = (List<Map<String, Object>>) view.get("opinions");
        assertThat(opinions).extracting(o -> o.get("orgCode"), o -> o.get("opinion"), o -> o.get("answer"),
                o -> o.get("answerReason")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("S01", "OBJECT", "PARTLY_ADOPTED", "出入口移至北侧"),
                org.assertj.core.groups.Tuple.tuple("S02", "SUPPORT", "PARTLY_ADOPTED", "出入口移至北侧"));
        for (String user : List.of("s03-sec", "t01-off", "ga-off", "s01-ga-head")) {
            ResponseEntity<Map<String, Object>> refused = get(user, "/api/major-matters/" + caseNo, OBJECT);
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat((String) refused.getBody().get("message")).as(user).matches(".*\\p{IsHan}.*");
        }
        assertThat(rest.exchange("/api/major-matters/" + caseNo, HttpMethod.GET, null, OBJECT).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("admin", "/api/major-matters/ZD-1999-0001", OBJECT).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // the list concerning a street
        assertThat(get("s01-sec", "/api/major-matters?org=S01", LIST).getBody()).extracting(m -> m.get("caseNo"))
                .contains(caseNo);
        assertThat(get("auditor", "/api/major-matters?org=S02", LIST).getBody()).extracting(m -> m.get("caseNo"))
                .contains(caseNo);
        assertThat(get("zrzy-off", "/api/major-matters?org=S01", LIST).getBody()).extracting(m -> m.get("caseNo"))
                .contains(caseNo);
        assertThat(get("ga-off", "/api/major-matters?org=S01", LIST).getBody()).extracting(m -> m.get("caseNo"))
                .doesNotContain(caseNo);
        assertThat(get("s03-sec", "/api/major-matters?org=S01", OBJECT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("s01-sec", "/api/major-matters?org=X99", OBJECT).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("s01-sec", "/api/major-matters", OBJECT).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.exchange("/api/major-matters?org=S01", HttpMethod.GET, null, OBJECT).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        // the kernel's opinion record shows the streets' opinions
        ResponseEntity<List<Map<String, Object>>> record = get("auditor", "/api/cases/" + instanceId + "/opinions", LIST);
        assertThat(record.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(record.getBody()).extracting(o -> o.get("text")).contains("停车场出入口紧邻小学，建议调整");

        // the sender decides; the case ends with the record kept
        String decide = onlyTask("zrzy-off", instanceId, "dept-ZRZY");
        claimAndSubmit("zrzy-off", decide, Map.of(Vars.DECISION, Map.of("value", "PROCEED")));
        Map<String, Object> closed = get("s02-sec", "/api/major-matters/" + caseNo, OBJECT).getBody();
        assertThat(closed).containsEntry("status", "CLOSED").containsEntry("decision", "PROCEED")
                .containsEntry("decisionLabel", "按原方案实施");
    }

    @Test
    void shouldRefuseABadStartOverRestWithAChineseReason() {
        Map<String, Object> vars = new java.util.HashMap<>(startVariables());
        vars.put(Vars.OPINION_DEADLINE, Map.of("value", CaseClock.today().plusDays(1).toString()));
        ResponseEntity<Map<String, Object>> refused = post("zrzy-off", START, Map.of("variables", vars));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message")).contains("反馈期限至少应给街道");
        // a department may not speak for the district government
        vars = new java.util.HashMap<>(startVariables());
        vars.put(Vars.SENDER_CODE, Map.of("value", MajorMatterService.GOVERNMENT));
        refused = post("zrzy-off", START, Map.of("variables", vars));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message")).contains("区政府");
        assertThat(rest.exchange(START, HttpMethod.POST, new HttpEntity<>(Map.of("variables", Map.of())), OBJECT)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // a street committee is no sender
        assertThat(post("s01-sec", START, Map.of("variables", startVariables())).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldOfferADepartmentItselfAndTheDistrictGovernmentItselfAsSender() {
        Map<String, Object> dept = get("zrzy-off", "/api/start-options/" + MajorMatterProcess.KEY, OBJECT).getBody();
        Map<String, Object> options = (Map<String, Object>) dept.get("options");
        assertThat((List<Map<String, Object>>) options.get("senderOptions")).extracting(o -> o.get("value"), o -> o.get("label"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ZRZY", "规划和自然资源局"));
        assertThat((Map<String, Object>) dept.get("chosen")).containsEntry(Vars.SENDER_CODE, "ZRZY");
        assertThat((List<Map<String, Object>>) options.get("orgOptions")).extracting(o -> o.get("value"))
                .contains("S01", "S02", "S03", "T01");
        Map<String, Object> government = get("govt", "/api/start-options/" + MajorMatterProcess.KEY, OBJECT).getBody();
        assertThat((List<Map<String, Object>>) ((Map<String, Object>) government.get("options")).get("senderOptions"))
                .extracting(o -> o.get("value")).containsExactly(MajorMatterService.GOVERNMENT);
        assertThat(get("s01-sec", "/api/start-options/" + MajorMatterProcess.KEY, OBJECT).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static Map<String, Object> startVariables() {
        return Map.of(
                Vars.SENDER_CODE, Map.of("value", "ZRZY"),
                Vars.MATTER_TYPE, Map.of("value", "PLAN"),
                Vars.TITLE, Map.of("value", "东华—西岭片区停车设施专项规划"),
                Vars.SUMMARY, Map.of("value", "新建三处公共停车场，调整两条支路"),
                Vars.AFFECTED_ORG_CODES, Map.of("value", "[\"S01\",\"S02\"]", "type", "Json"),
                Vars.OPINION_DEADLINE, Map.of("value", CaseClock.today().plusDays(10).toString()));
    }

    private <T> ResponseEntity<T> get(String user, String path, ParameterizedTypeReference<T> type) {
        return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, type);
    }

    private String onlyTask(String user, String instanceId, String group) {
        ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, "demo").exchange(
                "/engine-rest/task?processInstanceId=" + instanceId + "&candidateGroup=" + group,
                HttpMethod.GET, null, LIST);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).as("tasks of %s for %s", group, user).hasSize(1);
        return (String) response.getBody().get(0).get("id");
    }

    private void claimAndSubmit(String user, String taskId, Map<String, Object> variables) {
        assertThat(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<Map<String, Object>> submitted = post(user, "/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", variables));
        assertThat(submitted.getStatusCode().is2xxSuccessful()).as("submit %s: %s", taskId, submitted.getBody())
                .isTrue();
    }

    private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
        return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body), OBJECT);
    }
}
