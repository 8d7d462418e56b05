package cn.streetgov.delegation.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.streetgov.casework.CaseClock;
import cn.streetgov.delegation.process.DelegationTestData;
import cn.streetgov.delegation.process.PowerDelegationProcess;
import cn.streetgov.delegation.process.PowerDelegationProcess.Vars;
import cn.streetgov.test.Http;
import cn.streetgov.test.Officials;
import cn.streetgov.test.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public catalog page {@code /app/catalog} without a login: the powers a delegation case
 * published, grouped by street/town, every code in Chinese (names, category, method, department,
 * date); {@code GET /api/catalog} with the same labels beside CONTRACT.md's fields; and nothing else
 * of /app or /api opened by it.
 */
class PublicCatalogPageTest extends ProcessTestSupport {

    /** Latin codes as a person would see them: CGZF, S01, ENTRUST, LICENSING, CGZF-XK-001 … */
    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*\\d|[A-Z]{2,}");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private ProcessInstance delegation;

    @BeforeEach
    void publishOnePowerToTwoStreets() {
        DelegationTestData.clearCatalog(jdbc);
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.DEPT_CODE, "CGZF");
        vars.put(Vars.POWER_ITEM_CODES, "CGZF-XK-001");
        vars.put(Vars.TARGET_ORG_CODES, "S01,T01");
        vars.put(Vars.DELEGATION_METHOD, "ENTRUST");
        vars.put(Vars.LEGAL_BASIS, "《城市道路管理条例》第三十一条");
        vars.put(Vars.REASON, "直接面向群众，由街道承担更方便有效");
        vars.put(Vars.STAFFING_TRANSFER, 1);
        vars.put(Vars.EFFECTIVE_DATE, CaseClock.today().toString());
        delegation = Officials.as(engine, "cgzf-off",
                () -> runtimeService.startProcessInstanceByKey(PowerDelegationProcess.KEY, vars));
        for (String org : List.of("S01", "T01")) {
            Task review = taskService.createTaskQuery().processInstanceId(delegation.getId())
                    .taskDefinitionKey(PowerDelegationProcess.REVIEW_CAPACITY).taskCandidateGroup("street-office-" + org)
                    .singleResult();
            complete(org.toLowerCase() + "-off", review, Map.of(Vars.CAPACITY_DECISION, "ACCEPT"));
        }
        complete("bianban", task(delegation, PowerDelegationProcess.CONFIRM_STAFFING),
                Map.of(Vars.STAFFING_DECISION, "APPROVE"));
        complete("govt", task(delegation, PowerDelegationProcess.DECIDE_DELEGATION),
                Map.of(Vars.FINAL_DECISION, "APPROVE"));
    }

    @AfterEach
    void clearCatalog() {
        if (runtimeService.createProcessInstanceQuery().processInstanceId(delegation.getId()).count() > 0) {
            runtimeService.deleteProcessInstance(delegation.getId(), "test clean-up", true, true);
        }
        DelegationTestData.clearCatalog(jdbc);
    }

    @Test
    void shouldShowThePublishedPowersWithoutALoginInChineseWithoutCodes() {
        Http.Response page = Http.anonymous(port).get("/app/catalog");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-eval");
        assertThat(page.body()).doesNotContain("<script");
        String today = CaseClock.today().format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
        String text = visibleText(page.body());
        assertThat(text).contains("赋权事项目录", "东华街道", "青山镇", "临时占用城市道路审批", "行政许可", "委托",
                "城市管理和综合执法局", "《城市道路管理条例》第三十一条", today);
        assertThat(codes(text)).as("codes a person would read").isEmpty();
        assertThat(sections(page.body())).containsExactly("东华街道", "青山镇");

        Http.Response town = Http.anonymous(port).get("/app/catalog?org=T01");
        assertThat(town.status()).isEqualTo(200);
        assertThat(sections(town.body())).containsExactly("青山镇");
        assertThat(visibleText(town.body())).contains("临时占用城市道路审批", "委托");
        assertThat(town.body()).contains("aria-current=\"page\">青山镇</a>");
        assertThat(codes(visibleText(town.body()))).isEmpty();

        Http.Response empty = Http.anonymous(port).get("/app/catalog?org=S02");
        assertThat(sections(empty.body())).containsExactly("西岭街道");
        assertThat(visibleText(empty.body())).contains("目前没有已生效的赋权事项");

        Http.Response unknown = Http.anonymous(port).get("/app/catalog?org=X99");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void shouldGiveTheJsonCatalogTheChineseLabelsBesideItsCodes() {
        JsonNode all = Http.anonymous(port).get("/api/catalog").json();
        assertThat(all).hasSize(2);
        JsonNode s01 = all.get(0);
        assertThat(s01.path("itemCode").asText()).isEqualTo("CGZF-XK-001");
        assertThat(s01.path("orgCode").asText()).isEqualTo("S01");
        assertThat(s01.path("method").asText()).isEqualTo("ENTRUST");
        assertThat(s01.path("effectiveDate").asText()).isEqualTo(CaseClock.today().toString());
        assertThat(s01.path("itemName").asText()).isEqualTo("临时占用城市道路审批");
        assertThat(s01.path("orgName").asText()).isEqualTo("东华街道");
        assertThat(s01.path("methodLabel").asText()).isEqualTo("委托");
        assertThat(s01.path("category").asText()).isEqualTo("LICENSING");
        assertThat(s01.path("categoryLabel").asText()).isEqualTo("行政许可");
        assertThat(s01.path("deptName").asText()).isEqualTo("城市管理和综合执法局");
        assertThat(s01.path("legalBasis").asText()).isEqualTo("《城市道路管理条例》第三十一条");
        assertThat(s01.path("effectiveDateText").asText()).endsWith("日");
        assertThat(Http.anonymous(port).get("/api/catalog?org=T01").json().findValuesAsText("orgName"))
                .containsExactly("青山镇");
    }

    @Test
    void shouldOpenNothingElseWithoutALogin() {
        Http anonymous = Http.anonymous(port);
        for (String path : List.of("/app/catalog/", "/app/catalog/x", "/app/catalogs", "/app/catalog.html",
                "/app/assessments", "/app/assessments/mine", "/app/admin/org", "/app/", "/app",
                "/api/assessments/mine", "/api/power-items", "/api/cases/done", "/api/notifications")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(anonymous.postJson("/app/catalog", Map.of()).status()).as("POST /app/catalog").isEqualTo(401);
        assertThat(anonymous.sendBytes("PUT", "/app/catalog", null, null).status()).as("PUT /app/catalog")
                .isEqualTo(401);
    }

    /** The text of the page's body, without its markup (what a person reads). */
    private static String visibleText(String html) {
        String body = html.substring(html.indexOf("<body>"));
        return body.replaceAll("<[^>]*>", " ").replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    private static List<String> codes(String text) {
        Matcher m = CODE.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** The streets/towns the page has a section for, in order. */
    private static List<String> sections(String html) {
        Matcher m = Pattern.compile("<section class=\"org\"><h2>([^<]+)<").matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
