package cn.streetgov.whistle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.test.IntegrationTest;
import cn.streetgov.whistle.domain.CaseStatus;
import cn.streetgov.whistle.domain.WhistleCase;
import cn.streetgov.whistle.domain.WhistleCaseService;
import cn.streetgov.whistle.domain.WhistleSummons;
import java.time.Year;
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
 * A whistle end to end over /engine-rest as Tasklist does it (submit-form, task query by candidate
 * group, claim, submit-form), by the demo users, then the figures over GET /api/whistles/metrics.
 */
@IntegrationTest
class WhistleRestApiTest {

    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate rest;
    @Autowired
    WhistleCaseService cases;

    @Test
    void shouldRunAWhistleOverRestAndShowItInTheFigures() {
        String period = String.valueOf(Year.now().getValue());
        Map<String, Object> gaBefore = figures("kaohe", period, "S01-GA");

        // s01-off blows the whistle from the start form: GA has an agency in S01, WJ has none
        ResponseEntity<Map<String, Object>> started = post("s01-off",
                "/engine-rest/process-definition/key/whistle-dispatch/submit-form", Map.of("variables", Map.of(
                        "orgCode", Map.of("value", "S01"),
                        "summary", Map.of("value", "小区门口占道经营，夜间噪音扰民"),
                        "location", Map.of("value", "东华路 8 号"),
                        "urgency", Map.of("value", "URGENT"),
                        "deptCodes", Map.of("value", "[\"GA\",\"WJ\"]", "type", "Json"))));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String instanceId = (String) started.getBody().get("id");
        String caseNo = (String) started.getBody().get("businessKey");
        assertThat(caseNo).startsWith("CS-");

        // each department finds its report task in Tasklist and reports
        String gaTask = onlyTask("s01-ga-head", instanceId, "agency-S01-GA");
        assertThat(tasks("s02-ga-head", instanceId)).isEmpty();
        ResponseEntity<Map<String, Object>> noNote = post("s01-ga-head", "/engine-rest/task/" + gaTask + "/submit-form",
                Map.of("variables", Map.of()));
        assertThat(noNote.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) noNote.getBody().get("message")).contains("请填写报到说明");
        claimAndSubmit("s01-ga-head", gaTask, Map.of("reportNote", Map.of("value", "派出所民警已到场")));
        String wjTask = onlyTask("wj-off", instanceId, "dept-WJ");
        claimAndSubmit("wj-off", wjTask, Map.of("reportNote", Map.of("value", "卫健执法人员已到场")));

        // the street office handles, confirms and visits (the forms' radio buttons submit strings)
        String handle = onlyTask("s01-off", instanceId, "street-office-S01");
        claimAndSubmit("s01-off", handle, Map.of("handlingNote", Map.of("value", "占道摊点已清理")));
        String confirm = onlyTask("s01-off", instanceId, "street-office-S01");
        claimAndSubmit("s01-off", confirm, Map.of("resolved", Map.of("value", "true")));
        String followUp = onlyTask("s01-off", instanceId, "street-office-S01");
        claimAndSubmit("s01-off", followUp, Map.of("satisfaction", Map.of("value", "4"),
                "followUpComment", Map.of("value", "居民表示满意")));
        assertThat(tasks("s01-off", instanceId)).isEmpty();

        WhistleCase closed = cases.findByCaseNo(caseNo).orElseThrow();
        assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.getSatisfaction()).isEqualTo(4);
        assertThat(closed.getStartedBy()).isEqualTo("s01-off");
        assertThat(cases.summonses(closed.getId())).extracting(WhistleSummons::getReportedBy)
                .containsExactly("s01-ga-head", "wj-off");

        // the figures now count the report of S01-GA
        Map<String, Object> gaAfter = figures("s01-off", period, "S01-GA");
        assertThat(number(gaAfter, "summoned")).isEqualTo(number(gaBefore, "summoned") + 1);
        assertThat(number(gaAfter, "onTime")).isEqualTo(number(gaBefore, "onTime") + 1);
        assertThat(gaAfter).containsKeys("agencyCode", "summoned", "onTime", "onTimeRate", "avgReportMinutes",
                "avgSatisfaction");
        assertThat(((Number) gaAfter.get("avgSatisfaction")).doubleValue()).isBetween(1.0, 5.0);
    }

    @Test
    void shouldRefuseABadPeriodWithAChineseReason() {
        ResponseEntity<Map<String, Object>> response = rest.withBasicAuth("s01-off", "demo")
                .exchange("/api/whistles/metrics?period=2026-H3", HttpMethod.GET, null, OBJECT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("message")).contains("统计周期格式无效");
        ResponseEntity<Map<String, Object>> missing = rest.withBasicAuth("s01-off", "demo")
                .exchange("/api/whistles/metrics", HttpMethod.GET, null, OBJECT);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void shouldNeedALoginForTheFigures() {
        ResponseEntity<String> response = rest.getForEntity("/api/whistles/metrics?period=2026", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/api/whistles/metrics/departments?period=2026", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldGiveTheFiguresOfEveryDepartmentInChineseWithABadPeriodOrStreetRefused() {
        ResponseEntity<List<Map<String, Object>>> all = rest.withBasicAuth("kaohe", "demo")
                .exchange("/api/whistles/metrics/departments?period=2026", HttpMethod.GET, null, LIST);
        assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(all.getBody()).extracting(f -> f.get("deptCode")).contains("CGZF", "SCJG", "GA", "ZRZY", "WJ");
        assertThat(all.getBody()).filteredOn(f -> "WJ".equals(f.get("deptCode"))).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("deptName", "卫生健康局").containsKeys("summoned", "direct",
                        "viaAgency", "onTimeRate"));
        assertThat(rest.withBasicAuth("s01-off", "demo").exchange("/api/whistles/metrics/departments?period=2026&org=S01",
                HttpMethod.GET, null, LIST).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map<String, Object>> badStreet = rest.withBasicAuth("kaohe", "demo")
                .exchange("/api/whistles/metrics/departments?period=2026&org=X99", HttpMethod.GET, null, OBJECT);
        assertThat(badStreet.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badStreet.getBody().get("message").toString()).contains("未知的街道/镇");
        assertThat(rest.withBasicAuth("kaohe", "demo").exchange("/api/whistles/metrics/departments?period=2026-H3",
                HttpMethod.GET, null, OBJECT).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<List<Map<String, Object>>> categories = rest.withBasicAuth("s01-off", "demo")
                .exchange("/api/whistles/metrics/categories?period=2026&org=S01", HttpMethod.GET, null, LIST);
        assertThat(categories.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(categories.getBody()).allSatisfy(f -> assertThat(f).containsKeys("category", "categoryLabel",
                "source", "sourceLabel", "whistles", "closed", "avgSatisfaction"));
        assertThat(rest.getForEntity("/api/whistles/metrics/categories?period=2026", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldNotLetAnotherStreetStartForS01() {
        ResponseEntity<Map<String, Object>> refused = post("s02-off",
                "/engine-rest/process-definition/key/whistle-dispatch/submit-form", Map.of("variables", Map.of(
                        "orgCode", Map.of("value", "S01"),
                        "summary", Map.of("value", "越权吹哨"),
                        "urgency", Map.of("value", "NORMAL"),
                        "deptCodes", Map.of("value", "GA"))));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message")).contains("只能为本街道/镇吹哨");
        ResponseEntity<Map<String, Object>> unknownDept = post("s01-off",
                "/engine-rest/process-definition/key/whistle-dispatch/submit-form", Map.of("variables", Map.of(
                        "orgCode", Map.of("value", "S01"),
                        "summary", Map.of("value", "部门代码错误"),
                        "urgency", Map.of("value", "NORMAL"),
                        "deptCodes", Map.of("value", "[]", "type", "Json"))));
        assertThat(unknownDept.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) unknownDept.getBody().get("message")).contains("请至少选择一个被召集的部门");
        ResponseEntity<Map<String, Object>> anonymous = rest.exchange(
                "/engine-rest/process-definition/key/whistle-dispatch/submit-form", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", Map.of())), OBJECT);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private Map<String, Object> figures(String user, String period, String agency) {
        ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, "demo")
                .exchange("/api/whistles/metrics?period=" + period, HttpMethod.GET, null, LIST);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody().stream().filter(f -> agency.equals(f.get("agencyCode"))).findFirst()
                .orElse(Map.of("agencyCode", agency, "summoned", 0, "onTime", 0));
    }

    private List<Map<String, Object>> tasks(String user, String instanceId) {
        return rest.withBasicAuth(user, "demo").exchange("/engine-rest/task?processInstanceId=" + instanceId,
                HttpMethod.GET, null, LIST).getBody();
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

    private static long number(Map<String, Object> figures, String key) {
        return ((Number) figures.get(key)).longValue();
    }
}
