package cn.streetgov.appointment.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.org.OrgDirectory;
import cn.streetgov.test.ProcessTestSupport;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
 * A consent-mode case end to end over /engine-rest, as Tasklist drives it, by the demo users:
 * the department starts it, only the host street's committee sees its task, the street disagrees,
 * the organisation department overrides with a reason, the department approves.
 */
class CadreConsultationRestTest extends ProcessTestSupport {

    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate rest;
    @Autowired
    OrgDirectory directory;

    @Test
    void shouldRunAConsentCaseEndToEndAsTasklistDoes() {
        directory.appointHead("S03-GA", "南湖所长", "南湖派出所所长", LocalDate.of(2024, 1, 1));
        Map<String, Object> start = Map.of("variables", variables(
                "deptCode", "GA", "agencyCode", "S03-GA", "action", "APPOINT", "candidateName", "接任所长",
                "positionTitle", "南湖派出所所长", "positionLevel", "SECTION", "reason", "原所长退休"));
        // Tasklist submits the start form
        ResponseEntity<Map<String, Object>> started = post("ga-off",
                "/engine-rest/process-definition/key/cadre-consultation/submit-form", start, MAP);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String instanceId = (String) started.getBody().get("id");
        String caseNo = (String) started.getBody().get("businessKey");
        assertThat(caseNo).startsWith("RM-");

        // only the host street's committee sees the consultation task
        assertThat(tasks("s02-sec", instanceId)).isEmpty();
        assertThat(tasks("ga-off", instanceId)).isEmpty();
        List<Map<String, Object>> streetTasks = tasks("s03-sec", instanceId);
        assertThat(streetTasks).hasSize(1);
        assertThat(streetTasks.get(0)).containsEntry("taskDefinitionKey", "userTask_streetOpinion")
                // the task's name carries the case and the street (casework.TaskNames)
                .containsEntry("name", "【" + caseNo + "】南湖街道党(工)委会议答复意见");
        assertThat(streetTasks.get(0).get("due")).isNotNull();
        assertThat(get("ga-off", "/engine-rest/process-definition/key/cadre-consultation/deployed-start-form", MAP)
                .getBody()).containsEntry("id", "consultation-start");
        String streetTask = (String) streetTasks.get(0).get("id");
        assertThat(get("s03-sec", "/engine-rest/task/" + streetTask + "/form", MAP).getBody())
                .containsEntry("key", null);
        assertThat(get("s03-sec", "/engine-rest/task/" + streetTask + "/deployed-form", MAP).getBody())
                .containsEntry("id", "consultation-street-opinion");
        assertThat(get("s02-sec", "/engine-rest/task/" + streetTask, MAP).getStatusCode()).isIn(HttpStatus.FORBIDDEN,
                HttpStatus.NOT_FOUND);

        // the street committee disagrees: without an opinion it is refused, and nothing moves
        claim("s03-sec", streetTask);
        ResponseEntity<Map<String, Object>> refused = post("s03-sec", "/engine-rest/task/" + streetTask + "/submit-form",
                Map.of("variables", variables("streetOpinion", "DISAGREE", "meetingDate", LocalDate.now().toString())), MAP);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("message", "请填写意见说明（除“同意”外须填写）");
        submit("s03-sec", streetTask, variables("streetOpinion", "DISAGREE", "opinionComment", "人选不熟悉辖区",
                "meetingDate", LocalDate.now().toString()));

        // the organisation department overrides with a written reason
        List<Map<String, Object>> orgTasks = tasks("orgdept", instanceId);
        assertThat(orgTasks).singleElement().extracting(t -> t.get("taskDefinitionKey")).isEqualTo("userTask_coordinate");
        String coordinate = (String) orgTasks.get(0).get("id");
        claim("orgdept", coordinate);
        submit("orgdept", coordinate, variables("coordinationDecision", "OVERRIDE", "coordinationComment", "经考察人选合适"));

        // the department approves
        String decision = (String) tasks("ga-off", instanceId).get(0).get("id");
        claim("ga-off", decision);
        submit("ga-off", decision, variables("deptDecision", "APPROVE"));

        assertThat(tasks("ga-off", instanceId)).isEmpty();
        List<Map<String, Object>> outcome = get("auditor",
                "/engine-rest/history/variable-instance?processInstanceId=" + instanceId + "&variableName=outcome", LIST)
                .getBody();
        assertThat(outcome).singleElement().extracting(v -> v.get("value")).isEqualTo("APPROVED");
        assertThat(directory.requireAgency("S03-GA").getHeadName()).isEqualTo("接任所长");

        // the business record: who, which organisation, when, what
        Map<String, Object> view = get("s03-sec", "/api/appointment/cases/" + caseNo, MAP).getBody();
        assertThat(view).containsEntry("outcome", "APPROVED").containsEntry("consultationMode", "CONSENT");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> opinions = (List<Map<String, Object>>) view.get("opinions");
        assertThat(opinions).extracting(o -> o.get("actorUser") + "/" + o.get("actorOrg") + "/" + o.get("decision"))
                .containsExactly("s03-sec/street-committee-S03/DISAGREE", "orgdept/org-dept/OVERRIDE",
                        "ga-off/dept-GA/APPROVE");
        assertThat(opinions.get(0)).containsEntry("step", "userTask_streetOpinion")
                .containsEntry("stepName", "街道党(工)委会议答复意见").containsEntry("decisionLabel", "不同意")
                .containsEntry("comment", "人选不熟悉辖区").containsEntry("meetingDate", LocalDate.now().toString());
        assertThat(opinions.get(0).get("decidedAt")).isNotNull();
        assertThat(get("s01-sec", "/api/appointment/cases/" + caseNo, MAP).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldRefuseAnInvalidStartWithAChineseReason() {
        Map<String, Object> start = Map.of("variables", variables(
                "deptCode", "GA", "agencyCode", "S03-CGZF", "action", "APPOINT", "candidateName", "某人",
                "positionTitle", "中队长", "positionLevel", "SECTION", "reason", "越权"));
        ResponseEntity<Map<String, Object>> refused = post("ga-off",
                "/engine-rest/process-definition/key/cadre-consultation/submit-form", start, MAP);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").toString()).contains("不属于部门 GA");
    }

    @Test
    void shouldNotLetAStreetStartAConsultation() {
        Map<String, Object> start = Map.of("variables", variables("deptCode", "GA", "agencyCode", "S01-GA"));
        assertThat(post("s01-sec", "/engine-rest/process-definition/key/cadre-consultation/start", start, MAP)
                .getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldLetTheStreetSendASuggestionFromItsStartFormButNotByMessage() {
        Map<String, Object> message = Map.of("messageName", "street-suggestion", "resultEnabled", true,
                "processVariables", variables("agencyCode", "S01-SCJG", "action", "REMOVE", "reason", "考核不合格"));
        // correlating messages with variables is for administrators (docs/SECURITY.md)
        assertThat(post("s01-sec", "/engine-rest/message", message, MAP).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> sent = post("s01-sec",
                "/engine-rest/process-definition/key/street-suggestion/submit-form",
                Map.of("variables", variables("agencyCode", "S01-SCJG", "action", "REMOVE", "reason", "考核不合格")), MAP);
        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> instance = sent.getBody();
        assertThat(tasks("scjg-off", (String) instance.get("id"))).singleElement()
                .extracting(t -> t.get("taskDefinitionKey")).isEqualTo("userTask_answerSuggestion");
        List<Map<String, Object>> mine = get("s01-sec", "/api/appointment/suggestions?org=S01", LIST).getBody();
        assertThat(mine).extracting(s -> s.get("suggestionNo")).contains(instance.get("businessKey"));
        assertThat(get("s02-sec", "/api/appointment/suggestions?org=S01", MAP).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** 福田: the street proposes its union chair over /engine-rest; the department consents, 组织部 approves. */
    @Test
    void shouldRunAStreetPostNominationAsTasklistDoesAndShowTheHolderToTheStreetOnly() {
        Map<String, Object> start = Map.of("variables", variables("postType", "UNION_CHAIR", "orgCode", "S02",
                "deptCode", "WJ", "action", "APPOINT", "candidateName", "钱七", "reason", "经党工委会议研究，提出人选"));
        // another street's committee may not propose for S02, and nothing is written
        ResponseEntity<Map<String, Object>> refused = post("s01-sec",
                "/engine-rest/process-definition/key/street-suggestion/submit-form", start, MAP);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").toString()).contains("只有本街道/镇党(工)委才能提出工会主席人选");
        ResponseEntity<Map<String, Object>> started = post("s02-sec",
                "/engine-rest/process-definition/key/street-suggestion/submit-form", start, MAP);
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
        String instanceId = (String) started.getBody().get("id");

        // only the competent department sees the consent task; another department cannot complete it
        assertThat(tasks("ga-off", instanceId)).isEmpty();
        Map<String, Object> consent = tasks("wj-off", instanceId).get(0);
        assertThat(consent).containsEntry("taskDefinitionKey", "userTask_deptConsent");
        assertThat(consent.get("due")).isNotNull();
        String consentId = (String) consent.get("id");
        assertThat(post("ga-off", "/engine-rest/task/" + consentId + "/submit-form",
                Map.of("variables", variables("deptConsent", "CONSENT")), MAP).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        // the auditor reads but never decides
        assertThat(post("auditor", "/engine-rest/task/" + consentId + "/submit-form",
                Map.of("variables", variables("deptConsent", "CONSENT")), MAP).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        claim("wj-off", consentId);
        submit("wj-off", consentId, variables("deptConsent", "CONSENT", "deptConsentComment", "同意"));

        Map<String, Object> approval = tasks("orgdept", instanceId).get(0);
        assertThat(approval).containsEntry("taskDefinitionKey", "userTask_approveNomination");
        claim("orgdept", (String) approval.get("id"));
        submit("orgdept", (String) approval.get("id"), variables("orgDeptDecision", "APPROVE"));

        List<Map<String, Object>> posts = get("s02-off", "/api/appointment/street-posts?org=S02", LIST).getBody();
        assertThat(posts).anySatisfy(p -> assertThat(p).containsEntry("postType", "UNION_CHAIR")
                .containsEntry("postLabel", "工会主席").containsEntry("holderName", "钱七")
                .containsEntry("suggestionNo", started.getBody().get("businessKey")));
        assertThat(get("orgdept", "/api/appointment/street-posts?org=S02", LIST).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("auditor", "/api/appointment/street-posts?org=S02", LIST).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("s01-sec", "/api/appointment/street-posts?org=S02", MAP).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("wj-off", "/api/appointment/street-posts?org=S02", MAP).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/appointment/street-posts?org=S02", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        List<Map<String, Object>> mine = get("s02-sec", "/api/appointment/suggestions?org=S02", LIST).getBody();
        assertThat(mine).filteredOn(m -> started.getBody().get("businessKey").equals(m.get("suggestionNo")))
                .singleElement().satisfies(m -> assertThat(m).containsEntry("postLabel", "工会主席")
                        .containsEntry("status", "ACCEPTED").containsEntry("candidateName", "钱七"));
    }

    // ---- helpers: what Tasklist sends ----

    static Map<String, Object> variables(String... pairs) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            vars.put(pairs[i], Map.of("value", pairs[i + 1], "type", "String"));
        }
        return vars;
    }

    private List<Map<String, Object>> tasks(String user, String instanceId) {
        return get(user, "/engine-rest/task?processInstanceId=" + instanceId, LIST).getBody();
    }

    private void claim(String user, String taskId) {
        assertThat(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user), MAP).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    private void submit(String user, String taskId, Map<String, Object> variables) {
        ResponseEntity<Map<String, Object>> response = post(user, "/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", variables), MAP);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private <T> ResponseEntity<T> get(String user, String path, ParameterizedTypeReference<T> type) {
        return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, type);
    }

    private <T> ResponseEntity<T> post(String user, String path, Object body, ParameterizedTypeReference<T> type) {
        return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body), type);
    }
}
