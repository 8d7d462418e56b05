package cn.streetgov.startform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.assessment.domain.AssessmentService;
import cn.streetgov.casework.CaseClock;
import cn.streetgov.org.domain.OrgChangeRepository;
import cn.streetgov.org.domain.OrgUnitRepository;
import cn.streetgov.security.IdentitySynchronizer;
import cn.streetgov.test.Http;
import cn.streetgov.test.Officials;
import cn.streetgov.test.ProcessTestSupport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The server checks every start whatever the form offered: an official who sends another
 * department's or street's code, an item of another department, an agency elsewhere or a street that
 * does not exist (or no longer) is refused with a Chinese 4xx over /engine-rest, and nothing starts.
 */
class StartRefusalsHttpTest extends ProcessTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    AssessmentService assessments;
    @Autowired
    OrgUnitRepository units;
    @Autowired
    OrgChangeRepository changes;
    @Autowired
    IdentitySynchronizer synchronizer;

    @AfterEach
    void removeWhatTheTestCreated() {
        units.findAll().stream().filter(u -> u.getCode().startsWith("SF")).forEach(units::delete);
        changes.findAll().stream().filter(c -> c.getEntityCode().startsWith("SF")).forEach(changes::delete);
        synchronizer.synchronize();
    }

    private void refused(String user, String processKey, Map<String, Object> variables, String reason) {
        long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value,
                "type", value instanceof Integer ? "Integer" : "String")));
        Http.Response response = Http.as(port, user)
                .postJson("/engine-rest/process-definition/key/" + processKey + "/start", Map.of("variables", typed));
        assertThat(response.status()).as("%s starting %s: %s", user, processKey, response.body()).isBetween(400, 499);
        assertThat(response.json().path("message").asText()).as(response.body()).contains(reason);
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count())
                .as("nothing started").isEqualTo(before);
    }

    private static Map<String, Object> delegation(String dept, String items, String targets) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("deptCode", dept);
        v.put("powerItemCodes", items);
        v.put("targetOrgCodes", targets);
        v.put("delegationMethod", "DEVOLVE");
        v.put("legalBasis", "《城市道路管理条例》");
        v.put("reason", "直接面向群众");
        v.put("staffingTransfer", 0);
        v.put("effectiveDate", CaseClock.today().plusDays(10).toString());
        return v;
    }

    @Test
    void aDelegationIsRefusedForAnotherDepartmentItsItemsOrAStreetThatDoesNotExist() {
        refused("cgzf-off", "power-delegation", delegation("SCJG", "SCJG-XK-001", "S01"), "只能以本部门的名义提出赋权申请");
        refused("cgzf-off", "power-delegation", delegation("CGZF", "SCJG-XK-001", "S01"), "属于其他部门");
        refused("cgzf-off", "power-delegation", delegation("CGZF", "CGZF-XK-001", "S99"), "未知或已停用的街道/镇: S99");
    }

    @Test
    void aRevocationIsRefusedForAnotherDepartmentsItemOrAStreetNotHoldingIt() {
        Map<String, Object> v = new LinkedHashMap<>(Map.of("deptCode", "SCJG", "itemCode", "SCJG-XK-001",
                "orgCode", "S01", "revocationReason", "承接不了"));
        refused("cgzf-off", "power-revocation", v, "只能以本部门的名义申请收回赋权");
        v.put("deptCode", "CGZF");
        refused("cgzf-off", "power-revocation", v, "属于其他部门");
        v.put("itemCode", "CGZF-XK-002");
        v.put("orgCode", "S02");
        refused("cgzf-off", "power-revocation", v, "当前未下放至 S02");
    }

    @Test
    void aConsultationIsRefusedForAnotherDepartmentOrItsAgencies() {
        Map<String, Object> v = new LinkedHashMap<>(Map.of("deptCode", "CGZF", "agencyCode", "S01-CGZF",
                "action", "APPOINT", "candidateName", "李明", "positionTitle", "中队长", "positionLevel", "SECTION",
                "reason", "工作需要"));
        refused("ga-off", "cadre-consultation", v, "不能以该部门名义发起任免征求意见");
        v.put("deptCode", "GA");
        refused("ga-off", "cadre-consultation", v, "只能对本部门的派驻机构负责人发起任免");
    }

    @Test
    void aWhistleIsRefusedForAnotherStreetOrADepartmentThatDoesNotExist() {
        Map<String, Object> v = new LinkedHashMap<>(Map.of("orgCode", "S02", "summary", "占道经营", "urgency", "NORMAL",
                "deptCodes", "CGZF"));
        refused("s01-off", "whistle-dispatch", v, "只能为本街道/镇吹哨");
        v.put("orgCode", "S01");
        v.put("deptCodes", "CGZF,XX");
        refused("s01-off", "whistle-dispatch", v, "未知或已停用的部门: XX");
    }

    @Test
    void aStreetSuggestionIsRefusedForAnAgencyInAnotherStreet() {
        refused("s01-sec", "street-suggestion", Map.of("agencyCode", "S02-GA", "action", "REMOVE", "reason", "群众意见大"),
                "不在本街道/镇");
    }

    @Test
    void anAssessmentIsRefusedForAStreetThatDoesNotExistOrWasDeactivated() {
        String period = Officials.freshAssessmentPeriod(assessments);
        refused("kaohe", "agency-assessment", Map.of("period", period, "orgCodes", "S01,S99"), "未知的街道/镇: S99");
        assertThat(Http.as(port, "admin").postJson("/api/admin/org/units",
                Map.of("code", "SF2", "name", "旧区街道", "type", "STREET", "central", true)).status()).isEqualTo(201);
        assertThat(Http.as(port, "admin").postJson("/api/admin/org/units/SF2/deactivate", "{}").status()).isEqualTo(200);
        refused("kaohe", "agency-assessment", Map.of("period", period, "orgCodes", "S01,SF2"), "已停用的街道/镇: SF2");
    }
}
