package cn.streetgov.delegation.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.test.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case run end to end over /engine-rest as Tasklist does it (start with variables, list one's own
 * tasks, claim, submit the form), by the demo users; then the public catalog.
 */
@IntegrationTest
class PowerDelegationRestTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clearCatalog() {
        jdbc.update("update dlg_delegated_power set status = 'REVOKED' where status = 'ACTIVE'");
    }

    @Test
    void shouldRunACaseOverEngineRestAndPublishTheCatalogForAcceptingStreetsOnly() {
        String today = CaseClock.today().toString();
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("deptCode", value("CGZF", "String"));
        vars.put("powerItemCodes", value("[\"CGZF-QT-001\",\"CGZF-JC-001\"]", "Json"));
        vars.put("targetOrgCodes", value("[\"S02\",\"S03\"]", "Json"));
        vars.put("delegationMethod", value("ENTRUST", "String"));
        vars.put("legalBasis", value("《城市市容和环境卫生管理条例》第十条、第十一条", "String"));
        vars.put("reason", value("街道网格员日常巡查即可发现，就近处置更及时", "String"));
        vars.put("staffingTransfer", value(2, "Integer"));
        vars.put("effectiveDate", value(today, "String"));
        ResponseEntity<Map<String, Object>> started = rest.withBasicAuth("cgzf-off", "demo").exchange(
                "/engine-rest/process-definition/key/power-delegation/start", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(Map.of("variables", vars)), MAP);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String instanceId = (String) started.getBody().get("id");
        assertThat((String) started.getBody().get("businessKey")).matches("FQ-\\d{4}-\\d{4}");

        // each street sees its own capacity review only, with its Camunda Form and the case text
        Map<String, Object> s03Task = onlyTask("s03-off", instanceId);
        assertThat(s03Task.get("taskDefinitionKey")).isEqualTo("userTask_reviewCapacity");
        assertThat(s03Task.get("due")).isNotNull();
        ResponseEntity<Map<String, Object>> form = rest.withBasicAuth("s03-off", "demo")
                .exchange("/engine-rest/task/" + s03Task.get("id") + "/deployed-form", HttpMethod.GET, null, MAP);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody().get("id")).isEqualTo("delegation-capacity-review");
        ResponseEntity<Map<String, Object>> formVars = rest.withBasicAuth("s03-off", "demo")
                .exchange("/engine-rest/task/" + s03Task.get("id") + "/form-variables", HttpMethod.GET, null, MAP);
        assertThat(formVars.getBody()).containsKey("caseSummary");
        assertThat(formVars.getBody().get("caseSummary").toString()).contains("CGZF-JC-001", "南湖街道");
        submit("s03-off", s03Task, Map.of("capacityDecision", value("ACCEPT", "String")));
        submit("s02-off", onlyTask("s02-off", instanceId), Map.of("capacityDecision", value("REJECT", "String"),
                "capacityComment", value("本街道暂无检查力量", "String")));
        // inspection power: legal review
        Map<String, Object> legalTask = onlyTask("legal", instanceId);
        assertThat(legalTask.get("taskDefinitionKey")).isEqualTo("userTask_reviewLegality");
        submit("legal", legalTask, Map.of("legalDecision", value("LAWFUL", "String")));
        submit("bianban", onlyTask("bianban", instanceId), Map.of("staffingDecision", value("APPROVE", "String")));
        submit("govt", onlyTask("govt", instanceId), Map.of("finalDecision", value("APPROVE", "String")));

        ResponseEntity<Map<String, Object>> outcome = rest.withBasicAuth("auditor", "demo").exchange(
                "/engine-rest/process-instance/" + instanceId + "/variables/outcome", HttpMethod.GET, null, MAP);
        assertThat(outcome.getStatusCode()).as("%s", outcome.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(outcome.getBody().get("value")).isEqualTo("PUBLISHED");

        // the audit trail has every decision with who and for which organisation
        List<Map<String, Object>> audit = rest.withBasicAuth("auditor", "demo")
                .exchange("/api/audit/" + instanceId, HttpMethod.GET, null, LIST).getBody();
        assertThat(audit).filteredOn(e -> "TASK_COMPLETED".equals(e.get("eventType")))
                .extracting(e -> e.get("actorId") + ":" + e.get("actorGroupId") + ":" + e.get("decision"))
                .containsExactly("s03-off:street-office-S03:ACCEPT", "s02-off:street-office-S02:REJECT",
                        "legal:legal-review:LAWFUL", "bianban:bianban:APPROVE", "govt:district-government:APPROVE");

        // the public catalog, without login
        List<Map<String, Object>> s03 = rest.exchange("/api/catalog?org=S03", HttpMethod.GET, null, LIST).getBody();
        assertThat(s03).extracting(e -> e.get("itemCode")).contains("CGZF-QT-001", "CGZF-JC-001");
        assertThat(s03).filteredOn(e -> "CGZF-JC-001".equals(e.get("itemCode"))).singleElement().satisfies(e -> {
            // CONTRACT.md's fields, and beside them the Chinese names and labels (additive)
            assertThat(e).containsOnlyKeys("itemCode", "itemName", "orgCode", "method", "effectiveDate", "orgName",
                    "methodLabel", "category", "categoryLabel", "deptName", "legalBasis", "effectiveDateText");
            assertThat(e.get("orgName")).isEqualTo("南湖街道");
            assertThat(e.get("methodLabel")).isEqualTo("委托");
            assertThat(e.get("itemName")).isEqualTo("对户外广告设施设置情况的行政检查");
            assertThat(e.get("orgCode")).isEqualTo("S03");
            assertThat(e.get("method")).isEqualTo("ENTRUST");
            assertThat(e.get("effectiveDate")).isEqualTo(today);
        });
        List<Map<String, Object>> s02 = rest.exchange("/api/catalog?org=S02", HttpMethod.GET, null, LIST).getBody();
        assertThat(s02).extracting(e -> e.get("itemCode")).doesNotContain("CGZF-QT-001", "CGZF-JC-001");
        List<Map<String, Object>> all = rest.exchange("/api/catalog", HttpMethod.GET, null, LIST).getBody();
        assertThat(all).filteredOn(e -> "CGZF-JC-001".equals(e.get("itemCode")))
                .extracting(e -> e.get("orgCode")).containsExactly("S03");
    }

    @Test
    void shouldAnswerTheDeclaredReasonWhenACompletionIsRefusedAndKeepTheTaskOpen() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("deptCode", value("CGZF", "String"));
        vars.put("powerItemCodes", value("[\"CGZF-QT-001\"]", "Json"));
        vars.put("targetOrgCodes", value("[\"S02\"]", "Json"));
        vars.put("delegationMethod", value("ENTRUST", "String"));
        vars.put("legalBasis", value("《城市市容和环境卫生管理条例》第十条", "String"));
        vars.put("reason", value("就近督促更及时", "String"));
        vars.put("staffingTransfer", value(0, "Integer"));
        vars.put("effectiveDate", value(CaseClock.today().toString(), "String"));
        ResponseEntity<Map<String, Object>> started = rest.withBasicAuth("cgzf-off", "demo").exchange(
                "/engine-rest/process-definition/key/power-delegation/start", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(Map.of("variables", vars)), MAP);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String instanceId = (String) started.getBody().get("id");
        String caseNo = (String) started.getBody().get("businessKey");
        Map<String, Object> review = onlyTask("s02-off", instanceId);
        String id = (String) review.get("id");
        assertThat(rest.withBasicAuth("s02-off", "demo").postForEntity("/engine-rest/task/" + id + "/claim",
                Map.of("userId", "s02-off"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<Map<String, Object>> unknown = submitRaw("s02-off", id,
                Map.of("capacityDecision", value("MAYBE", "String"), "capacityComment", value("再研究", "String")));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().get("message").toString())
                .contains("请选择承接意见（同意承接 / 附条件承接 / 不同意承接）");
        ResponseEntity<Map<String, Object>> noReason = submitRaw("s02-off", id,
                Map.of("capacityDecision", value("REJECT", "String")));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().get("message").toString()).contains("请填写承接条件或不同意的理由");

        assertThat(onlyTask("s02-off", instanceId).get("id")).isEqualTo(id);
        assertThat(jdbc.queryForObject("select count(*) from case_decision where case_no = ?", Long.class, caseNo))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from dlg_case_pair p join dlg_case c on c.id = p.case_id "
                + "where c.case_no = ? and p.capacity_decision is not null", Long.class, caseNo)).isZero();
    }

    @Test
    void shouldAnswer404ForAnUnknownStreetInTheCatalog() {
        ResponseEntity<Map<String, Object>> response = rest.exchange("/api/catalog?org=X99", HttpMethod.GET, null, MAP);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().get("message").toString()).contains("未知的街道/镇");
    }

    @Test
    void shouldListPowerItemsOfADepartmentForLoggedInUsersOnly() {
        assertThat(rest.exchange("/api/power-items", HttpMethod.GET, null, MAP).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        List<Map<String, Object>> all = rest.withBasicAuth("s01-off", "demo")
                .exchange("/api/power-items", HttpMethod.GET, null, LIST).getBody();
        assertThat(all).hasSizeGreaterThanOrEqualTo(25);
        assertThat(all).extracting(e -> e.get("category")).contains("LICENSING", "PENALTY", "COERCION", "INSPECTION",
                "PUBLIC_SERVICE", "OTHER");
        assertThat(all).extracting(e -> e.get("domain")).contains("PLANNING_RESOURCES", "ECOLOGY", "MARKET", "HEALTH",
                "RURAL", "PARTY_BUILDING", "COMMUNITY", "PUBLIC_MANAGEMENT", "PUBLIC_SERVICE", "PUBLIC_SAFETY",
                "URBAN_MANAGEMENT");
        assertThat(all).extracting(e -> e.get("deptCode")).contains("CGZF", "SCJG", "GA", "ZRZY", "WJ");
        List<Map<String, Object>> ga = rest.withBasicAuth("s01-off", "demo")
                .exchange("/api/power-items?dept=GA", HttpMethod.GET, null, LIST).getBody();
        assertThat(ga).isNotEmpty().allSatisfy(e -> {
            assertThat(e).containsOnlyKeys("code", "name", "category", "domain", "deptCode", "legalBasis");
            assertThat(e.get("deptCode")).isEqualTo("GA");
        });
        assertThat(rest.withBasicAuth("s01-off", "demo").exchange("/api/power-items?dept=NOPE", HttpMethod.GET, null,
                MAP).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldRefuseAnInvalidStartOverRestAndLeaveNothingBehind() {
        long before = jdbc.queryForObject("select count(*) from dlg_case", Long.class);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("deptCode", value("CGZF", "String"));
        vars.put("powerItemCodes", value("[\"GA-CF-001\"]", "Json"));
        vars.put("targetOrgCodes", value("", "String"));
        vars.put("delegationMethod", value("DEVOLVE", "String"));
        vars.put("legalBasis", value("x", "String"));
        vars.put("reason", value("x", "String"));
        vars.put("staffingTransfer", value(0, "Integer"));
        vars.put("effectiveDate", value("2020-01-01", "String"));
        ResponseEntity<Map<String, Object>> response = rest.withBasicAuth("cgzf-off", "demo").exchange(
                "/engine-rest/process-definition/key/power-delegation/start", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(Map.of("variables", vars)), MAP);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(response.getBody())).contains("属于其他部门", "请至少选择一个承接的街道/镇", "早于今天");
        assertThat(jdbc.queryForObject("select count(*) from dlg_case", Long.class)).isEqualTo(before);
    }

    private Map<String, Object> onlyTask(String user, String instanceId) {
        ResponseEntity<List<Map<String, Object>>> tasks = rest.withBasicAuth(user, "demo")
                .exchange("/engine-rest/task?processInstanceId=" + instanceId, HttpMethod.GET, null, LIST);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.getBody()).as("tasks visible to %s", user).hasSize(1);
        return tasks.getBody().get(0);
    }

    private void submit(String user, Map<String, Object> task, Map<String, Object> variables) {
        String id = (String) task.get("id");
        ResponseEntity<String> claimed = rest.withBasicAuth(user, "demo").postForEntity(
                "/engine-rest/task/" + id + "/claim", Map.of("userId", user), String.class);
        assertThat(claimed.getStatusCode()).as("claim by %s: %s", user, claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> submitted = rest.withBasicAuth(user, "demo").postForEntity(
                "/engine-rest/task/" + id + "/submit-form", Map.of("variables", variables), String.class);
        assertThat(submitted.getStatusCode().is2xxSuccessful()).as("submit by %s: %s", user, submitted.getBody()).isTrue();
    }

    private ResponseEntity<Map<String, Object>> submitRaw(String user, String taskId, Map<String, Object> variables) {
        return rest.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + taskId + "/submit-form",
                HttpMethod.POST, new org.springframework.http.HttpEntity<>(Map.of("variables", variables)), MAP);
    }

    private static Map<String, Object> value(Object value, String type) {
        return Map.of("value", value, "type", type);
    }
}
