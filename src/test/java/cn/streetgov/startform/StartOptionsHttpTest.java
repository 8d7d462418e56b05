package cn.streetgov.startform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.delegation.domain.PowerCatalog;
import cn.streetgov.delegation.domain.PowerItem;
import cn.streetgov.org.domain.OrgChangeRepository;
import cn.streetgov.org.domain.OrgUnitRepository;
import cn.streetgov.security.IdentitySynchronizer;
import cn.streetgov.test.Http;
import cn.streetgov.test.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The start forms' options per role, from the organisation model: over {@code /api/start-options}
 * and inside the start form Tasklist loads (webapp session) and /engine-rest serves (HTTP Basic).
 */
class StartOptionsHttpTest extends ProcessTestSupport {

    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    @LocalServerPort
    int port;
    @Autowired
    PowerCatalog catalog;
    @Autowired
    OrgUnitRepository units;
    @Autowired
    OrgChangeRepository changes;
    @Autowired
    IdentitySynchronizer synchronizer;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeWhatTheTestCreated() {
        units.findAll().stream().filter(u -> u.getCode().startsWith("SF")).forEach(units::delete);
        changes.findAll().stream().filter(c -> c.getEntityCode().startsWith("SF")).forEach(changes::delete);
        synchronizer.synchronize();
        jdbc.update("delete from dlg_delegated_power where case_id in (select id from dlg_case where case_no like 'SFT-%')");
        jdbc.update("delete from dlg_case where case_no like 'SFT-%'");
    }

    private JsonNode options(String user, String processKey) {
        Http.Response response = Http.as(port, user).get("/api/start-options/" + processKey);
        assertThat(response.status()).as("%s %s: %s", user, processKey, response.body()).isEqualTo(200);
        return response.json();
    }

    private static Map<String, String> list(JsonNode options, String key) {
        Map<String, String> values = new LinkedHashMap<>();
        options.path("options").path(key).forEach(o -> values.put(o.path("value").asText(), o.path("label").asText()));
        return values;
    }

    @Test
    void aDepartmentIsOfferedOnlyItsOwnItemsAndItsOwnDepartmentPreChosen() {
        JsonNode options = options("cgzf-off", "power-delegation");
        assertThat(list(options, "deptOptions")).containsExactly(Map.entry("CGZF", "城市管理和综合执法局"));
        assertThat(options.path("chosen").path("deptCode").asText()).isEqualTo("CGZF");
        List<String> own = catalog.items("CGZF").stream().map(PowerItem::getCode).toList();
        assertThat(list(options, "powerItemOptions").keySet()).containsExactlyElementsOf(own).isNotEmpty();
        assertThat(list(options, "powerItemOptions").get("CGZF-CF-001"))
                .isEqualTo("CGZF-CF-001 对擅自占用、挖掘城市道路的行政处罚（行政处罚）");
        assertThat(list(options, "orgOptions")).containsEntry("S01", "东华街道").containsEntry("S03", "南湖街道（非中心城区）")
                .containsEntry("T01", "青山镇");

        JsonNode police = options("ga-off", "cadre-consultation");
        assertThat(options("ga-off", "cadre-consultation").path("chosen").path("deptCode").asText()).isEqualTo("GA");
        assertThat(list(police, "agencyOptions")).containsEntry("S01-GA", "东华派出所（东华街道）")
                .allSatisfy((code, label) -> assertThat(code).endsWith("-GA"));
    }

    @Test
    void aStreetOfficeWhistlesForItsOwnStreetAndSummonsEveryDepartment() {
        JsonNode options = options("s01-off", "whistle-dispatch");
        assertThat(list(options, "orgOptions")).containsExactly(Map.entry("S01", "东华街道"));
        assertThat(options.path("chosen").path("orgCode").asText()).isEqualTo("S01");
        assertThat(list(options, "summonedDeptOptions")).containsOnlyKeys("CGZF", "SCJG", "GA", "ZRZY", "WJ")
                .containsEntry("GA", "公安分局（由东华派出所报到）").containsEntry("WJ", "卫生健康局");
    }

    @Test
    void aStreetCommitteeSuggestsOnTheAgenciesInItsStreet() {
        JsonNode options = options("s02-sec", "street-suggestion");
        Map<String, String> agencies = list(options, "agencyOptions");
        assertThat(agencies).containsEntry("S02-GA", "西岭派出所").hasSize(3)
                .allSatisfy((code, label) -> assertThat(code).startsWith("S02-"));
        // 福田: its own posts' candidates, for its own street, consented by any of the district's departments
        assertThat(list(options, "orgOptions")).containsExactly(Map.entry("S02", "西岭街道"));
        assertThat(options.path("chosen").path("orgCode").asText()).isEqualTo("S02");
        assertThat(list(options, "deptOptions")).containsOnlyKeys("CGZF", "SCJG", "GA", "ZRZY", "WJ")
                .containsEntry("WJ", "卫生健康局");
    }

    @Test
    void theAssessmentOfficeChoosesAmongAllStreetsAndPeriodsInChinese() {
        JsonNode options = options("kaohe", "agency-assessment");
        assertThat(list(options, "orgOptions")).containsKeys("S01", "S02", "S03", "T01");
        assertThat(list(options, "periodOptions")).isNotEmpty()
                .allSatisfy((code, label) -> assertThat(label).matches("\\d{4}年(度|上半年|下半年|第[一二三四]季度)"));
        assertThat(options.path("chosen").isEmpty()).isTrue();
    }

    @Test
    void aRevocationOffersTheDepartmentsOwnPowersInForceAndTheStreetsHoldingThem() {
        jdbc.update("update dlg_delegated_power set status = 'REVOKED' where status = 'ACTIVE'");
        jdbc.update("insert into dlg_case (case_no, dept_code, delegation_method, legal_basis, reason, staffing_transfer,"
                + " effective_date, status, legal_review_required, created_at) values ('SFT-1', 'CGZF', 'DEVOLVE', '依据',"
                + " '理由', 0, current_date, 'PUBLISHED', false, current_timestamp)");
        Long caseId = jdbc.queryForObject("select id from dlg_case where case_no = 'SFT-1'", Long.class);
        for (String[] power : List.of(new String[] {"CGZF-XK-001", "S02"}, new String[] {"CGZF-XK-001", "T01"},
                new String[] {"SCJG-XK-001", "S01"})) {
            jdbc.update("insert into dlg_delegated_power (item_code, org_code, delegation_method, effective_date, status,"
                    + " case_id, published_at) values (?, ?, 'DEVOLVE', current_date, 'ACTIVE', ?, current_timestamp)",
                    power[0], power[1], caseId);
        }
        JsonNode options = options("cgzf-off", "power-revocation");
        assertThat(options.path("chosen").path("deptCode").asText()).isEqualTo("CGZF");
        assertThat(list(options, "powerInForceOptions")).containsExactly(
                Map.entry("CGZF-XK-001", "CGZF-XK-001 临时占用城市道路审批（已下放：西岭街道、青山镇）"));
        assertThat(list(options, "orgOptions")).containsExactly(Map.entry("S02", "西岭街道"), Map.entry("T01", "青山镇"));
        assertThat(list(options("scjg-off", "power-revocation"), "powerInForceOptions")).containsOnlyKeys("SCJG-XK-001");
    }

    @Test
    void aStreetAddedToTheOrganisationModelIsOfferedWithoutEditingAForm() {
        assertThat(list(options("cgzf-off", "power-delegation"), "orgOptions")).doesNotContainKey("SF1");
        Http.Response created = Http.as(port, "admin").postJson("/api/admin/org/units",
                Map.of("code", "SF1", "name", "试点街道", "type", "STREET", "central", true));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        assertThat(list(options("cgzf-off", "power-delegation"), "orgOptions")).containsEntry("SF1", "试点街道");
        assertThat(list(options("kaohe", "agency-assessment"), "orgOptions")).containsEntry("SF1", "试点街道");
        JsonNode form = webappStartForm("cgzf-off", "power-delegation");
        assertThat(values(field(form, "targetOrgCodes"))).containsEntry("SF1", "试点街道");

        // deactivated: offered no more
        assertThat(Http.as(port, "admin").postJson("/api/admin/org/units/SF1/deactivate", "{}").status()).isEqualTo(200);
        assertThat(list(options("cgzf-off", "power-delegation"), "orgOptions")).doesNotContainKey("SF1");
    }

    @Test
    void tasklistsStartFormCarriesTheCallersOptionsAndPreChoosesTheirDepartment() {
        JsonNode form = webappStartForm("cgzf-off", "power-delegation");
        JsonNode dept = field(form, "deptCode");
        assertThat(dept.has("valuesKey")).isFalse();
        assertThat(values(dept)).containsExactly(Map.entry("CGZF", "城市管理和综合执法局"));
        assertThat(dept.path("defaultValue").asText()).isEqualTo("CGZF");
        assertThat(dept.path("readonly").asBoolean()).isTrue();
        assertThat(values(field(form, "powerItemCodes")).keySet()).isNotEmpty().allMatch(code -> code.startsWith("CGZF-"));
        assertThat(field(form, "delegationMethod").path("values")).hasSize(4); // static lists stay as they are

        // the same through /engine-rest (HTTP Basic), by key
        Http.Response rest = Http.as(port, "scjg-off")
                .get("/engine-rest/process-definition/key/power-delegation/deployed-start-form");
        assertThat(rest.status()).as(rest.body()).isEqualTo(200);
        assertThat(rest.header("Cache-Control")).contains("no-store");
        assertThat(values(field(rest.json(), "powerItemCodes")).keySet()).isNotEmpty()
                .allMatch(code -> code.startsWith("SCJG-"));

        // a street office's whistle: its street pre-chosen
        JsonNode whistle = webappStartForm("s01-off", "whistle-dispatch");
        assertThat(field(whistle, "orgCode").path("defaultValue").asText()).isEqualTo("S01");
        assertThat(values(field(whistle, "deptCodes"))).hasSize(5);
        // the assessment office: every street as a checklist in Chinese
        JsonNode assessment = webappStartForm("kaohe", "agency-assessment");
        assertThat(field(assessment, "orgCodes").path("type").asText()).isEqualTo("checklist");
        assertThat(values(field(assessment, "orgCodes"))).containsEntry("S02", "西岭街道");
        assertThat(values(field(assessment, "period")).values()).allMatch(label -> label.matches("\\d{4}年.*"));
    }

    @Test
    void optionsAreRefusedToThoseWhoMayNotStartAndAreNeverStartVariables() {
        Http.Response auditor = Http.as(port, "auditor").get("/api/start-options/power-delegation");
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.json().path("message").asText()).contains("不能发起此流程");
        Http.Response street = Http.as(port, "s01-off").get("/api/start-options/power-delegation");
        assertThat(street.status()).isEqualTo(403);
        Http.Response unknown = Http.as(port, "cgzf-off").get("/api/start-options/agency-assessment-case");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("message").asText()).contains("没有由用户填写的启动表单");
        assertThat(Http.anonymous(port).get("/api/start-options/power-delegation").status()).isEqualTo(401);

        // a start that carries an option list is refused before the engine sees it
        Http.Response start = Http.as(port, "s01-off").postJson("/engine-rest/process-definition/key/whistle-dispatch/start",
                Map.of("variables", Map.of("summonedDeptOptions", Map.of("value", "[]", "type", "Json"))));
        assertThat(start.status()).isEqualTo(400);
        assertThat(start.json().path("message").asText()).contains("不能提交变量「summonedDeptOptions」");
    }

    // ---- helpers ----

    private JsonNode webappStartForm(String user, String processKey) {
        Http session = Http.webappLogin(port, user, "tasklist");
        String id = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                .singleResult().getId();
        Http.Response form = session.get(WEBAPP_ENGINE + "/process-definition/" + id + "/deployed-start-form?noCache=1");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        return form.json();
    }

    static JsonNode field(JsonNode form, String key) {
        List<JsonNode> found = new ArrayList<>();
        form.path("components").forEach(c -> {
            if (key.equals(c.path("key").asText())) {
                found.add(c);
            }
        });
        assertThat(found).as("field %s", key).hasSize(1);
        return found.get(0);
    }

    static Map<String, String> values(JsonNode field) {
        Map<String, String> values = new LinkedHashMap<>();
        field.path("values").forEach(v -> values.put(v.path("value").asText(), v.path("label").asText()));
        return values;
    }
}
